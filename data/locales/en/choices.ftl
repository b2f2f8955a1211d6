# Offered choices answered outside a dialog ("7" when two were offered), and several chosen with buttons.
choice-out-of-range = Please answer with a number from 1 to { $count }, or with one of the names below.
choice-done = Done
