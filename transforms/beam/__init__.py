"""The Beam layer: every DoFn and composite transform, and the only place besides the CLI that imports Beam."""
