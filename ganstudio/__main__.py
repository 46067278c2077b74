import sys

from ganstudio.blas_threads import one_blas_thread

one_blas_thread()   # before anything imports NumPy (launcher.main does it too)

from ganstudio.launcher import main  # noqa: E402

sys.exit(main())
