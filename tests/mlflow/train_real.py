import mlflow
assert getattr(mlflow, "INSTALLED", False), "Runbench's stand-in shadowed the installed MLflow"
with mlflow.start_run(run_name="real"):
    mlflow.log_param("lr", 0.5)
    mlflow.set_tag("model", "svm")
    for step in (3, 1, 2):
        mlflow.log_metric("loss", 1.0 / step, step=step)
    mlflow.log_text("weights", "model/weights.txt")
    with mlflow.start_run(run_name="inner", nested=True):
        mlflow.log_metric("loss", 0.01, step=0)
print("done", flush=True)
