"""Training a GAN: the session (the one loop), the worker that steers it from another thread,
divergence and stopping, the metric history, the timeline and the step-through's stage reports.
Imports gan and below; it never saves itself (formats.checkpoint does)."""
