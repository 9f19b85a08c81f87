"""Everything Qt: widgets, pages, dialogs, icon arrays, PDF writing and printing."""
