import sys

from ganstudio.launcher import main

sys.exit(main())
