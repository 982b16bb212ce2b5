"""Scripts written for Azure ML Workbench's logging API run unchanged."""
