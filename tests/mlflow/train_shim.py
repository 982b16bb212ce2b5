# Every tracking call Runbench's MLflow stand-in covers, as a training script
# written for MLflow makes them (tests/tst_mlflow.cpp checks what arrives).
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import mlflow

assert ".runbench" in mlflow.__file__, mlflow.__file__  # the stand-in, from the project's client folder
exp = mlflow.set_experiment("fraud-detection")
mlflow.autolog()
mlflow.autolog()
with mlflow.start_run(run_name="baseline", tags={"team": "risk"}, description="first try") as run:
    assert mlflow.active_run().info.run_id == run.info.run_id
    print("RUN", run.info.run_id, flush=True)
    mlflow.log_param("lr", 0.1)
    mlflow.log_params({"optimizer": "adam", "layers": 3})
    for step, loss in [(9, 0.1), (2, 0.8), (5, 0.4)]:
        mlflow.log_metric("loss", loss, step=step)
    mlflow.log_metric("accuracy", 0.75, step=1, timestamp=1700000000123)
    mlflow.log_metrics({"precision": 0.5, "recall": 0.25}, step=3)
    mlflow.log_metric("plain", 1.0)
    mlflow.log_metric("plain", 2.0)
    mlflow.set_tag("model", "svm")
    mlflow.set_tags({"stage": "dev", "model": "tree"})
    mlflow.log_artifact("data.csv")
    mlflow.log_artifact("data.csv", artifact_path="inputs")
    mlflow.log_artifacts("extra", artifact_path="more")
    mlflow.log_text("hello", "notes/readme.txt")
    mlflow.log_dict({"depth": 4}, "config.json")
    mlflow.log_dict({"depth": 4}, "config.yaml")
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    mlflow.log_figure(fig, "plots/curve.png")
    with mlflow.start_run(run_name="fold 1", nested=True) as child:
        assert child.info.run_id != run.info.run_id
        mlflow.log_metric("loss", 0.3, step=0)
        mlflow.log_param("fold", 1)
    mlflow.start_run(run_name="left open", nested=True)
    mlflow.log_metric("loss", 0.2)
