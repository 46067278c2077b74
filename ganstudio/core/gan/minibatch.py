"""The modern minibatch GAN: one discriminator step and one generator step per iteration,
the generator trained through a frozen discriminator (Goodfellow et al. 2014, Algorithm 1,
with k = 1 and the non-saturating generator loss by default)."""

from __future__ import annotations

import numpy as np

from ganstudio.core.errors import ConfigError
from ganstudio.core.gan.algorithm import GANAlgorithm, discriminator_loss, generator_loss, make_optimizer
from ganstudio.core.gan.augment import AdaptiveAugment, shift_images, unshift_gradient
from ganstudio.core.gan.clusters import Clusters, fit_clusters, label_clusters
from ganstudio.core.gan.model_parts import (
    IMAGE_SIZE,
    build_discriminator,
    build_generator,
    sample_noise,
    set_output_bias_from_data,
)


def ema_decay(config, updates: int) -> float:
    """β of G's average at its `updates`-th update (1, 2, …): g_ema, or with the warm-up the
    smaller (1 + t) / (g_ema_warmup + t), so the early average follows G's early steps."""
    if not config.g_ema_warmup:
        return config.g_ema
    return min(config.g_ema, (1.0 + updates) / (config.g_ema_warmup + updates))


class MinibatchGAN(GANAlgorithm):
    def __init__(self, config, data, rng, labels=None):
        """`labels`: the data's digits (int, one per row), read only with clusters_from labels."""
        super().__init__(config, data, rng)
        c = config
        self.generator = build_generator(c, rng)
        self.discriminator = build_discriminator(c, rng)
        if c.g_bias_from_data and data is not None:
            set_output_bias_from_data(self.generator, data, c)
        self.opt_g = make_optimizer(c, "g", self.generator.flat_params, self.generator.flat_grads,
                                    self.generator.decay_mask)
        self.opt_d = make_optimizer(c, "d", self.discriminator.flat_params,
                                    self.discriminator.flat_grads, self.discriminator.decay_mask)
        self.generator_ema = None
        if c.g_ema:
            # Its own throw-away RNG for construction, so the training stream is unchanged.
            self.generator_ema = build_generator(c, np.random.default_rng(0))
            self.generator_ema.flat_params[...] = self.generator.flat_params
            self._ema_step = np.empty_like(self.generator.flat_params)
        self._ema_updates = 0   # how often the average has taken G's weights in (its warm-up)
        self.loss_d, self.loss_g = discriminator_loss(c), generator_loss(c)
        self.clusters: Clusters | None = None
        self._labels = labels if c.clusters_from == "labels" else None
        if c.clusters_from == "labels" and data is not None:
            if labels is None:
                raise ConfigError("the conditional GAN (clusters_from labels) needs a dataset with "
                                  "digit labels, and this one has none")   # a conditional GAN: digits as clusters
            self.clusters = label_clusters(data, self._labels, c.clusters)
            self._data_clusters = np.asarray(self._labels, np.int64)
        elif c.clusters and data is not None:
            # Its own stream, so that clustering leaves the training stream as it was.
            self.clusters = fit_clusters(data, c.clusters, np.random.default_rng([c.seed, 4]))
            self._data_clusters = self.clusters.assign(data)
        elif c.clusters:   # no data (drawing from a checkpoint): its clusters come with its state
            self.clusters = Clusters(np.zeros((c.clusters, IMAGE_SIZE), np.float32),
                                     np.full(c.clusters, 1.0 / c.clusters))
        self.augment = AdaptiveAugment(c.d_augment_target) if c.d_augment_target else None
        self._background = -1.0 if c.pixel_range == "pm1" else 0.0   # a blank pixel
        self._fake_shifts = None   # how D's step moved its fakes, for G's step to undo
        bs = c.batch_size
        # Reals in the top half, fakes in the bottom: D sees both in one pass. With clusters,
        # each row ends in its cluster's one-hot code.
        self._d_batch = np.empty((2 * bs, IMAGE_SIZE + c.clusters), dtype=np.dtype(c.dtype))
        self._d_target = np.concatenate([np.full((bs, 1), c.d_real_label), np.zeros((bs, 1))]).astype(c.dtype)
        self._g_target = np.ones((bs, 1), dtype=np.dtype(c.dtype))
        self.order = np.arange(0)
        self.cursor = 0
        self._fake_noise = None
        self._g_holds_fakes = False   # G's layers still hold the forward pass of _fake_noise

    @property
    def networks(self):
        nets = {"generator": self.generator, "discriminator": self.discriminator}
        if self.generator_ema is not None:
            nets["generator_ema"] = self.generator_ema
        return nets

    @property
    def optimizers(self):
        return {"d": self.opt_d, "g": self.opt_g}

    def _g_input(self, noise, ids=None):
        """G's input for noise rows, and their clusters: with clusters, the last column of
        the noise becomes a one-hot code of the cluster it picks (or of `ids`, when given:
        the digits asked of a conditional G)."""
        if self.clusters is None:
            return noise, None
        if ids is None:
            ids = self.clusters.pick(noise[:, -1])
        width = self.config.noise_dim
        g_input = np.empty((len(noise), width + self.clusters.count), dtype=noise.dtype)
        g_input[:, :width] = noise[:, :width]
        self.clusters.one_hot(ids, g_input[:, width:])
        return g_input, ids

    def _with_clusters(self, images, ids):
        """D's input for G's images: the images, with clusters followed by their code."""
        if self.clusters is None:
            return images
        rows = np.empty((len(images), IMAGE_SIZE + self.clusters.count), dtype=images.dtype)
        rows[:, :IMAGE_SIZE] = images
        self.clusters.one_hot(ids, rows[:, IMAGE_SIZE:])
        return rows

    def generate(self, noise, clusters=None):
        """G's output for noise rows; `clusters` (ints, one per row) overrides the clusters
        the noise picks."""
        drawer = self.generator_ema if self.generator_ema is not None else self.generator
        if drawer is self.generator:
            self._g_holds_fakes = False
        return drawer.forward(self._g_input(noise, clusters)[0], training=False)

    # -- what a step-through looks at
    def probe_batch(self):
        bs = self.config.batch_size
        return self._d_batch[:bs, :IMAGE_SIZE], self._d_batch[bs:, :IMAGE_SIZE]

    def probe_discriminator(self):
        # D's next training use (its step or G's) begins with a forward pass.
        bs = self.config.batch_size
        out = self.discriminator.forward(self._d_batch, training=False)[:, 0]
        return out[:bs].copy(), out[bs:].copy()

    def probe_generator(self):
        g_input, ids = self._g_input(self._fake_noise)
        images = self.generator.forward(g_input, training=False).copy()
        self._g_holds_fakes = False   # G's step redoes its pass if it needs it (no randomness in G)
        out = self.discriminator.forward(self._with_clusters(images, ids), training=False)[:, 0]
        return images, out.copy()

    def stage_generate_fakes(self):
        bs = self.config.batch_size
        z = self._fake_noise = sample_noise(self.config, self.rng, bs)
        g_input, ids = self._g_input(z)
        self._d_batch[bs:, :IMAGE_SIZE] = self.generator.forward(g_input, training=True)
        if ids is not None:
            self.clusters.one_hot(ids, self._d_batch[bs:, IMAGE_SIZE:])
        self._g_holds_fakes = True

    def stage_sample_reals(self):
        bs = self.config.batch_size
        if self.cursor + bs > len(self.order):
            self.order = self.rng.permutation(len(self.data))
            self.cursor = 0
        rows = self.order[self.cursor:self.cursor + bs]
        if self.clusters is None:
            np.take(self.data, rows, axis=0, out=self._d_batch[:bs])
        else:
            self._d_batch[:bs, :IMAGE_SIZE] = self.data[rows]
            self.clusters.one_hot(self._data_clusters[rows], self._d_batch[:bs, IMAGE_SIZE:])
        self.cursor += bs

    def stage_train_discriminator(self):
        d, loss, bs = self.discriminator, self.loss_d, self.config.batch_size
        self._fake_shifts = None
        if self.augment is not None:
            shifts = self.augment.draw_shifts(2 * bs, self.rng)
            if shifts is not None:
                shift_images(self._d_batch, shifts, self._background)
                self._fake_shifts = shifts[bs:]
        probs = d.forward(self._d_batch, training=True)
        if self.augment is not None:
            self.augment.observe(d.logits[:bs, 0])
        self.stats.d_loss = loss.forward(d.logits if loss.on_logits else probs, self._d_target)
        out = probs[:, 0]
        s = self.stats
        s.d_real, s.d_fake = float(out[:bs].mean()), float(out[bs:].mean())
        s.rounded_mean = float(np.round(out).mean())
        s.d_real_outputs, s.d_fake_outputs = out[:bs].copy(), out[bs:].copy()
        d.backward(loss.backward(), input_grad=False, skip_last=loss.on_logits)
        self.opt_d.step()

    def stage_train_generator(self):
        g, d, loss, bs = self.generator, self.discriminator, self.loss_g, self.config.batch_size
        if not self.config.g_reuses_fakes:
            g_input, ids = self._g_input(sample_noise(self.config, self.rng, bs))
            fakes = self._with_clusters(g.forward(g_input, training=True), ids)
            shifts = self.augment.draw_shifts(bs, self.rng) if self.augment is not None else None
            if shifts is not None:
                fakes = np.array(fakes, copy=True)   # G's own output: its backward still needs it
                shift_images(fakes, shifts, self._background)
        else:
            if not self._g_holds_fakes:
                # Something drew with G since (a stepped stage, then a sample): the same pass
                # again, since backward needs G's layers to hold it. The images are unchanged.
                g.forward(self._g_input(self._fake_noise)[0], training=True)
            fakes, shifts = self._d_batch[bs:], self._fake_shifts
        self._g_holds_fakes = False
        probs = d.forward(fakes, training=True)
        self.stats.g_loss = loss.forward(d.logits if loss.on_logits else probs, self._g_target)
        dx = d.backward(loss.backward(), param_grads=False, skip_last=loss.on_logits)
        image_grad = dx if self.clusters is None else dx[:, :IMAGE_SIZE]
        if shifts is not None:
            image_grad = unshift_gradient(image_grad, shifts)
        g.backward(image_grad, input_grad=False)
        self.opt_g.step()
        if self.generator_ema is not None:  # ema += (1 − β)·(θ − ema)
            self._ema_updates += 1
            np.subtract(g.flat_params, self.generator_ema.flat_params, out=self._ema_step)
            self._ema_step *= 1.0 - ema_decay(self.config, self._ema_updates)
            self.generator_ema.flat_params += self._ema_step

    def stage_check_stop(self):
        pass  # the session applies the stopping rules to the statistics

    # One iteration: these stages, in this order; the step-through walks them by name.
    STAGES = {
        "generate_fakes": stage_generate_fakes,            # a batch of noise -> G -> fakes
        "sample_reals": stage_sample_reals,                # the next batch of reals (epochs, no replacement)
        "train_discriminator": stage_train_discriminator,  # one step of D: reals -> 1, fakes -> 0
        # one step of G through the frozen D, target 1 (fresh noise, or with g_reuses_fakes the
        # fakes of this iteration again)
        "train_generator": stage_train_generator,
        "check_stop": stage_check_stop,                    # the session applies the stopping rules
    }
    stage_names = tuple(STAGES)

    def scratch_state(self):
        state = super().scratch_state()
        state["d_batch"] = self._d_batch.copy()
        if self._fake_noise is not None:
            state["fake_noise"] = self._fake_noise.copy()
        if self._fake_shifts is not None:
            state["fake_shifts"] = self._fake_shifts.copy()
        return state

    def load_scratch_state(self, state):
        super().load_scratch_state(state)
        self._d_batch[...] = state["d_batch"]
        self._fake_noise = state.get("fake_noise")
        self._fake_shifts = state.get("fake_shifts")
        self._g_holds_fakes = False

    @property
    def _ema_warms_up(self) -> bool:
        return bool(self.config.g_ema and self.config.g_ema_warmup)

    def state_dict(self):
        state = super().state_dict()
        state["data_order"], state["data_cursor"] = self.order.copy(), self.cursor
        if self.augment is not None:
            state.update(self.augment.state_dict())
        if self.clusters is not None:   # G's codes mean these clusters, whatever data comes next
            state["clusters.centres"] = self.clusters.centres.copy()
            state["clusters.weights"] = self.clusters.weights.copy()
        if self._ema_warms_up:   # where the warm-up has got to
            state["ema_updates"] = self._ema_updates
        return state

    def load_state_dict(self, state):
        super().load_state_dict(state)
        if self.augment is not None:
            self.augment.load_state_dict(state)
        if self.clusters is not None:
            weights = np.asarray(state["clusters.weights"], np.float64).copy()
            # Their sum too: 1e308 each is finite, but the sum (inf) picks past the last cluster.
            with np.errstate(over="ignore"):   # an overflow is the answer here, not a warning
                total = weights.sum()
            if not (np.all(weights >= 0) and 0 < total < np.inf):
                raise ValueError("clusters.weights are not proportions")
            self.clusters = Clusters(np.asarray(state["clusters.centres"], np.float32).copy(), weights)
            if self._labels is not None:   # the digits stay the data's own labels
                self._data_clusters = np.asarray(self._labels, np.int64)
            elif self.data is not None:
                self._data_clusters = self.clusters.assign(self.data)
        self._g_holds_fakes = False
        if self._ema_warms_up:
            updates = int(state["ema_updates"])
            if not 0 <= updates <= 2**62:
                raise ValueError("ema_updates is not a count")
            self._ema_updates = updates
        self.order, self.cursor = np.asarray(state["data_order"]), int(state["data_cursor"])
