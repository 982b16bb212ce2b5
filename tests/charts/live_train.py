# Logs `loss` and `lr` every 50 ms until the file "stop" appears in the project, and
# tells the test how far it got (run_id.txt, logged.txt in the project).
import os
import random
import time

from runbench import get_logger

project = os.environ["RUNBENCH_PROJECT_DIR"]
with open(os.path.join(project, "run_id.txt"), "w") as f:
    f.write(os.environ["RUNBENCH_RUN_ID"])
log = get_logger()
logged = 0
random.seed(1)
while not os.path.exists(os.path.join(project, "stop")) and logged < 2000:
    log.log("loss", 1.0 / (1 + 0.02 * logged) + random.uniform(-0.08, 0.08))
    log.log("lr", 0.1 * 0.99 ** logged)
    logged += 1
    with open(os.path.join(project, "logged.tmp"), "w") as f:
        f.write(str(logged))
    os.replace(os.path.join(project, "logged.tmp"), os.path.join(project, "logged.txt"))
    time.sleep(0.05)
