"""The live views: the digit grids, the plots, the histogram and the stage list."""
