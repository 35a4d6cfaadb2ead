// Each browser test class starts its own hub and Chromium; on a 2-core machine several at once starve each other's
// circuits, so the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
