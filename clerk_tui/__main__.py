import sys

from clerk_tui.cli import main

sys.exit(main())
