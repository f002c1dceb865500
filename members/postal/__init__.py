"""The same service by post: postal batches, letters, labels and PDF, returned letters and
changes by post."""
