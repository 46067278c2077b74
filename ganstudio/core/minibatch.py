"""The modern minibatch GAN: one discriminator step and one generator step per iteration,
the generator trained through a frozen discriminator (Goodfellow et al. 2014, Algorithm 1,
with k = 1 and the non-saturating generator loss by default)."""

from __future__ import annotations

import numpy as np

from ganstudio.core.algorithm import GANAlgorithm, discriminator_loss, generator_loss, make_optimizer
from ganstudio.core.models import (
    build_discriminator, build_generator, sample_noise, set_output_bias_from_data,
)


class MinibatchGAN(GANAlgorithm):
    stage_names = (
        "generate_fakes",       # a batch of noise -> G -> fakes
        "sample_reals",         # the next batch of real images (epochs without replacement)
        "train_discriminator",  # one step of D on reals (target 1) and fakes (target 0)
        "train_generator",      # one step of G through the frozen D, target 1 (fresh noise, or
                                # with g_reuses_fakes the fakes of this iteration again)
        "check_stop",           # the stopping rules
    )

    def __init__(self, config, data, rng):
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
        self.loss_d, self.loss_g = discriminator_loss(c), generator_loss(c)
        bs = c.batch_size
        # Reals in the top half, fakes in the bottom: D sees both in one pass.
        self._d_batch = np.empty((2 * bs, 784), dtype=np.dtype(c.dtype))
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

    def generate(self, noise):
        drawer = self.generator_ema if self.generator_ema is not None else self.generator
        if drawer is self.generator:
            self._g_holds_fakes = False
        return drawer.forward(noise, training=False)

    def stage_generate_fakes(self):
        bs = self.config.batch_size
        z = self._fake_noise = sample_noise(self.config, self.rng, bs)
        self._d_batch[bs:] = self.generator.forward(z, training=True)
        self._g_holds_fakes = True

    def stage_sample_reals(self):
        bs = self.config.batch_size
        if self.cursor + bs > len(self.order):
            self.order = self.rng.permutation(len(self.data))
            self.cursor = 0
        np.take(self.data, self.order[self.cursor:self.cursor + bs], axis=0, out=self._d_batch[:bs])
        self.cursor += bs

    def stage_train_discriminator(self):
        d, loss, bs = self.discriminator, self.loss_d, self.config.batch_size
        probs = d.forward(self._d_batch, training=True)
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
            fakes = g.forward(sample_noise(self.config, self.rng, bs), training=True)
        elif self._g_holds_fakes:
            fakes = self._d_batch[bs:]   # G's layers still hold this pass: backward needs it
        else:   # something drew with G since (a stepped stage, then a sample): the same pass again
            fakes = g.forward(self._fake_noise, training=True)
        self._g_holds_fakes = False
        probs = d.forward(fakes, training=True)
        self.stats.g_loss = loss.forward(d.logits if loss.on_logits else probs, self._g_target)
        dx = d.backward(loss.backward(), param_grads=False, skip_last=loss.on_logits)
        g.backward(dx, input_grad=False)
        self.opt_g.step()
        if self.generator_ema is not None:  # ema += (1 − β)·(θ − ema)
            np.subtract(g.flat_params, self.generator_ema.flat_params, out=self._ema_step)
            self._ema_step *= 1.0 - self.config.g_ema
            self.generator_ema.flat_params += self._ema_step

    def stage_check_stop(self):
        pass  # the session applies the stopping rules to the statistics

    def scratch_state(self):
        state = super().scratch_state()
        state["d_batch"] = self._d_batch.copy()
        if self._fake_noise is not None:
            state["fake_noise"] = self._fake_noise.copy()
        return state

    def load_scratch_state(self, state):
        super().load_scratch_state(state)
        self._d_batch[...] = state["d_batch"]
        self._fake_noise = state.get("fake_noise")
        self._g_holds_fakes = False

    def state_dict(self):
        state = super().state_dict()
        state["data_order"], state["data_cursor"] = self.order.copy(), self.cursor
        return state

    def load_state_dict(self, state):
        super().load_state_dict(state)
        self._g_holds_fakes = False
        self.order, self.cursor = np.asarray(state["data_order"]), int(state["data_cursor"])
