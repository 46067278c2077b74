"""The classic algorithm, as the 2014 MATLAB (DeepLearnToolbox) GAN demo runs it.

Three networks: the "first network" [100 784] that draws, the discriminator D [784 100 1], and
the stacked network G [100 784 100 1] whose first layer is the generator being trained and whose
last two layers receive D's weights every iteration. One iteration is the stages below, in
order; each is a method so a step-through view can run them one at a time.

Faithful details kept on purpose: the toolbox's squared-error loss on a sigmoid output, SGD with
its momentum rule and L2 on weights only, uniform ±4·sqrt(6/(fan_in+fan_out)) initialisation,
and non-inverted dropout on every hidden layer — which, inside the stack, includes the
generator's 784 outputs.
"""

from __future__ import annotations

import numpy as np

from ganstudio.core.engine.layers import Dropout
from ganstudio.core.engine.network import Network
from ganstudio.core.gan.algorithm import (
    GANAlgorithm,
    discriminator_loss,
    generator_loss,
    make_optimizer,
    train_on_batch,
)
from ganstudio.core.gan.model_parts import discriminator_layers, generator_layers, sample_noise
from ganstudio.core.gan.second_core import start_beside


class ClassicGAN(GANAlgorithm):
    def __init__(self, config, data, rng):
        super().__init__(config, data, rng)
        c = config
        self.first_network = Network(generator_layers(c, rng))
        self.discriminator = Network(discriminator_layers(c, rng))
        gen_layers = generator_layers(c, rng)
        hidden_dropout = [Dropout(c.d_dropout, rng, inverted=False)] if c.d_dropout else []
        d_copy = discriminator_layers(c, rng)
        self.stack = Network(gen_layers + hidden_dropout + d_copy)
        self._g_part = self.stack.param_range(0, len(gen_layers))
        self._g_part_layers = len(gen_layers)
        self._d_first = len(gen_layers) + len(hidden_dropout)   # the stack's first layer of D
        self._d_part = self.stack.param_range(self._d_first)
        if c.freeze_d_in_g:
            for layer in d_copy:
                layer.frozen = True
            trainable = self._g_part
        else:
            trainable = slice(0, self.stack.flat_params.size)
        self.opt_d = make_optimizer(c, "d", self.discriminator.flat_params,
                                    self.discriminator.flat_grads, self.discriminator.decay_mask)
        self.opt_g = make_optimizer(c, "g", self.stack.flat_params[trainable],
                                    self.stack.flat_grads[trainable], self.stack.decay_mask[trainable])
        self.loss_d, self.loss_g = discriminator_loss(c), generator_loss(c)
        # The pool has one noise row per training image, like the original's test_x.
        pool_rng = np.random.default_rng([c.seed, 1])
        self.noise_pool = sample_noise(c, pool_rng, len(data) if data is not None else 0)
        self._noise_rows = self._fakes = self._reals = self._d_inputs = None
        self._d_check = None  # D's outputs on the 2000, being computed beside train_generator

    @property
    def networks(self):
        return {"first_network": self.first_network, "discriminator": self.discriminator,
                "stack": self.stack}

    @property
    def optimizers(self):
        return {"d": self.opt_d, "g": self.opt_g}

    def generate(self, noise):
        self.first_network.flat_params[...] = self.stack.flat_params[self._g_part]
        return self.first_network.forward(noise, training=False)

    # -- what a step-through looks at
    @property
    def stage_copies(self):
        return {"copy_generator": (("generator", "first_network"), self.first_network.flat_params.size),
                "copy_discriminator": (("discriminator", "stack"), self.discriminator.flat_params.size)}

    def probe_batch(self):
        return self._reals, self._fakes

    def probe_discriminator(self):
        # D's next training use begins with a forward pass, and the check beside training
        # (copy_discriminator .. check_stop) is not running around D's own stage.
        out = self.discriminator.forward(np.concatenate([self._reals, self._fakes]), training=False)[:, 0]
        return out[:len(self._reals)].copy(), out[len(self._reals):].copy()

    def probe_generator(self):
        # Through the stack's own layers, not D: D may be busy with the check beside training.
        # The stack is next used by train_on_batch, which starts with a forward pass.
        x = self.noise_pool[self._noise_rows]
        for layer in self.stack.layers[:self._g_part_layers]:
            x = layer.forward(x, training=False)
        images = x.copy()
        for layer in self.stack.layers[self._d_first:]:
            x = layer.forward(x, training=False)
        return images, x[:, 0].copy()

    # -- the stages
    def stage_copy_generator(self):
        self.first_network.flat_params[...] = self.stack.flat_params[self._g_part]

    def stage_generate_fakes(self):
        c = self.config
        self._noise_rows = self.rng.choice(len(self.noise_pool), c.fake_per_iter, replace=False)
        # Only the chosen rows are computed; the original computes all N and keeps 1000,
        # which gives the same result because rows do not interact.
        self._fakes = self.first_network.forward(self.noise_pool[self._noise_rows], training=False).copy()

    def stage_sample_reals(self):
        rows = self.rng.choice(len(self.data), self.config.real_per_iter, replace=False)
        self._reals = self.data[rows]

    def stage_train_discriminator(self):
        x = np.concatenate([self._reals, self._fakes])
        y = np.concatenate([np.ones((len(self._reals), 1), x.dtype), np.zeros((len(self._fakes), 1), x.dtype)])
        self.stats.d_loss = self._one_epoch(self.discriminator, self.loss_d, self.opt_d, x, y)
        self._d_inputs = x

    def stage_copy_discriminator(self):
        self.stack.flat_params[self._d_part] = self.discriminator.flat_params
        # D is final for this iteration and train_generator only touches the stack, so the
        # check's 2000-row pass through D runs on the other core meanwhile (14 % of the time).
        self._d_check = start_beside(self._d_outputs)

    def stage_train_generator(self):
        z = self.noise_pool[self._noise_rows]
        y = np.ones((len(z), 1), z.dtype)
        self.stats.g_loss = self._one_epoch(self.stack, self.loss_g, self.opt_g, z, y)

    def _d_outputs(self):
        return self.discriminator.forward(self._d_inputs, training=False)[:, 0]

    def _finish_d_check(self):
        pending, self._d_check = self._d_check, None
        return pending.result() if pending is not None else None

    def stage_check_stop(self):
        out = self._finish_d_check()
        if out is None:  # a 1-core machine, or resumed from a checkpoint saved mid-iteration
            out = self._d_outputs()
        n_real = len(self._reals)
        s = self.stats
        s.d_real, s.d_fake = float(out[:n_real].mean()), float(out[n_real:].mean())
        s.rounded_mean = float(np.round(out).mean())
        s.d_real_outputs, s.d_fake_outputs = out[:n_real].copy(), out[n_real:].copy()

    # One iteration: these stages, in this order; the step-through walks them by name.
    STAGES = {
        "copy_generator": stage_copy_generator,            # G's first layer -> the first network
        "generate_fakes": stage_generate_fakes,            # it draws from 1000 rows of the noise pool
        "sample_reals": stage_sample_reals,                # 1000 random training images
        "train_discriminator": stage_train_discriminator,  # an epoch over the 2000, batches of 100
        "copy_discriminator": stage_copy_discriminator,    # D's weights -> G's layers 2 and 3
        "train_generator": stage_train_generator,          # an epoch of G over the 1000 rows, target 1
        "check_stop": stage_check_stop,                    # D's outputs on the 2000, the stopping rules
    }
    stage_names = tuple(STAGES)

    SCRATCH = ("_noise_rows", "_fakes", "_reals", "_d_inputs")

    def scratch_state(self):
        state = super().scratch_state()
        state.update({name[1:]: getattr(self, name) for name in self.SCRATCH
                      if getattr(self, name, None) is not None})
        return state

    def load_state_dict(self, state):
        self._finish_d_check()  # never let a pending check read weights being replaced
        super().load_state_dict(state)

    def load_scratch_state(self, state):
        self._finish_d_check()
        super().load_scratch_state(state)
        for name in self.SCRATCH:
            setattr(self, name, state.get(name[1:]))

    def _one_epoch(self, net, loss, optimizer, x, y) -> float:
        """nntrain for one epoch: shuffled mini-batches; returns the mean batch loss."""
        order = self.rng.permutation(len(x))
        bs = self.config.batch_size
        losses = [train_on_batch(net, loss, optimizer, x[order[i:i + bs]], y[order[i:i + bs]])
                  for i in range(0, len(x) - bs + 1, bs)]
        return float(np.mean(losses))
