# Iris classification with logistic regression, tracked by Runbench.
#
#   runbench run iris_sklearn.py 0.01
#
# The first argument is the regularization rate. The script logs it and the
# accuracy on a held-out test set, and writes the model, a confusion matrix
# and ROC curves to ./outputs, which become the run's artifacts.

import os
import pickle
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay, auc, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import label_binarize

from runbench import get_logger

run_logger = get_logger()

# Load the Iris data set (shipped with scikit-learn) and add random features
# so that the model has something to overfit.
iris = load_iris()
X, Y = iris.data, iris.target
random_state = np.random.RandomState(42)
X = np.c_[X, random_state.randn(X.shape[0], 40)]

X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=0.35, random_state=0)

# change regularization rate and you will likely get a different accuracy.
reg = 0.01
# load regularization rate from argument if present
if len(sys.argv) > 1:
    reg = float(sys.argv[1])

print("Regularization rate is {}".format(reg))

# log the regularization rate
run_logger.log("Regularization Rate", reg)

# train a logistic regression model on the training set
clf1 = LogisticRegression(C=1 / reg, max_iter=1000).fit(X_train, Y_train)
print(clf1)

# evaluate the test set
accuracy = clf1.score(X_test, Y_test)
print("Accuracy is {}".format(accuracy))

# log accuracy
run_logger.log("Accuracy", accuracy)

os.makedirs("./outputs", exist_ok=True)
with open("./outputs/model.pkl", "wb") as f:
    pickle.dump(clf1, f)
print("Model saved to ./outputs/model.pkl")

Y_pred = clf1.predict(X_test)
fig, ax = plt.subplots(figsize=(5, 4))
ConfusionMatrixDisplay.from_predictions(Y_test, Y_pred, display_labels=iris.target_names, ax=ax,
                                        colorbar=False)
ax.set_title("Confusion matrix (reg = {})".format(reg))
fig.tight_layout()
fig.savefig("./outputs/cm.png", dpi=100)
plt.close(fig)

Y_score = clf1.predict_proba(X_test)
Y_bin = label_binarize(Y_test, classes=[0, 1, 2])
fig, ax = plt.subplots(figsize=(5, 4))
for i, name in enumerate(iris.target_names):
    fpr, tpr, _ = roc_curve(Y_bin[:, i], Y_score[:, i])
    ax.plot(fpr, tpr, label="{} (AUC = {:.2f})".format(name, auc(fpr, tpr)))
ax.plot([0, 1], [0, 1], "k--", linewidth=0.8)
ax.set_xlabel("False positive rate")
ax.set_ylabel("True positive rate")
ax.set_title("ROC (reg = {})".format(reg))
ax.legend(loc="lower right")
fig.tight_layout()
fig.savefig("./outputs/roc.png", dpi=100)
plt.close(fig)
print("Plots saved to ./outputs/cm.png and ./outputs/roc.png")
