import sys

from ganstudio.cli.main import main

sys.exit(main())
