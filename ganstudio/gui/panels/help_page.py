"""Help (F1): a short page in the app, offline — the keys (read from the window's actions, like
the cheat sheet) and what each part of the window shows."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ganstudio.core.training.smoothed_means import SPAN
from ganstudio.gui.panels.cheat_sheet import shortcut_rows
from ganstudio.gui.translations import tr as _tr


def view_sections() -> list[tuple[str, str]]:
    """(part of the window, what it shows and how to read it)."""
    return [
        (_tr("The digit grid"),
         _tr("100 digits G draws from the same 100 noise vectors every time, so you watch each "
             "one change as G learns. Before training they are noise. The narrow strip beside "
             "it holds real training digits.")),
        (_tr("Equilibrium plot"),
         _tr("D's mean verdict on real digits, D(real), and on G's fakes, D(fake), each the mean "
             "of the last {n} iterations (the status bar prints the same numbers). D says 1 for "
             "\"real\" and 0 for \"fake\"; the grey band is 0.5 ± 0.05, where G fools D half the "
             "time. The dotted line is the rounded mean the original 2014 stopping rule "
             "watched. The caption under the plot says where the curves settle and why.").format(
            n=SPAN)),
        (_tr("Loss plot"),
         _tr("D's and G's losses per iteration. They do not fall together as in ordinary "
             "training: each network's gain is the other's loss, so a calm see-saw is healthy and "
             "a loss running away means one network has won.")),
        (_tr("D's histogram"),
         _tr("How sure D is about the last few hundred real and fake images it judged. Two "
             "separate humps: D tells them apart. Overlapping humps: G's digits pass for real.")),
        (_tr("Quality panel"),
         _tr("\"What is G drawing?\": a classifier trained on MNIST (the judge) names the digit "
             "in each of G's samples. Ten even bars near the dashed 10 % line mean G draws every "
             "digit; bars dying away mean mode collapse. \"Evaluate now\" judges 1,000 fresh "
             "samples and fills in the numbers below the chart.")),
        (_tr("Stage list"),
         _tr("The steps of one training iteration. Shift+→ runs one stage and pauses, with the "
             "stage it stopped after marked, so you can walk through an iteration.")),
        (_tr("Compare"),
         _tr("Two setups trained at once, side by side (C, or 7 for the 2014 demo beside today's "
             "recipe). Both grids come from the same noise; the plot under them holds both runs' "
             "D(real) (solid) and D(fake) (dashed) in the runs' colours, and its tabs show both "
             "class charts and both maps. Space, → and R act on both runs; the main run waits, "
             "paused, with its model kept.")),
        (_tr("Settings"),
         _tr("Learning rates and when to stop change while training runs; every other setting "
             "applies on Reset. Hover over a setting's name for what it does.")),
    ]


def help_html(window: QWidget) -> str:
    keys = "".join(f"<tr><td><b>{escape(key)}</b>&nbsp;&nbsp;</td><td>{escape(name)}</td></tr>"
                   for name, key in shortcut_rows(window))
    views = "".join(f"<h3>{escape(title)}</h3><p>{escape(text)}</p>"
                    for title, text in view_sections())
    return (
        "<h2>" + escape(_tr("GAN Studio")) + "</h2><p>"
        + escape(_tr("Two networks learn against each other: the generator G turns random noise "
                     "into images of digits, and the discriminator D learns to tell G's images "
                     "from real handwritten digits. Each gets better by beating the other. Press "
                     "Space to start and watch G's digits appear."))
        + "</p><h3>" + escape(_tr("Keys")) + f"</h3><table>{keys}</table><p>"
        + escape(_tr("These keys work even when a settings field has focus, until you type into "
                     "it; then Enter keeps the new value and Esc puts the old one back."))
        + "</p>" + views
    )


class HelpPage(QDialog):
    """Not modal: it can stay open beside the window while training runs."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("GAN Studio Help"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, min(700, max(420, window.height() - 80)))

    def show_page(self) -> None:
        """Shows the page (fresh, in case keys changed) and brings it to the front."""
        self.browser.setHtml(help_html(self.parent()))
        self.show()
        self.raise_()
        self.activateWindow()
