"""The same service by post: postal batches, their letters (laid out once per body and stamped
with each member's details), labels and PDF, reply forms, returned letters and changes by post."""
