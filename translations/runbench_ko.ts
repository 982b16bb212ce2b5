<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ArtifactFiles</name>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1을(를) %2(으)로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 does not match the checksum recorded for the run (changed or damaged since).</source>
        <translation>%1이(가) 실행에 기록된 체크섬과 맞지 않습니다(그 뒤로 바뀌었거나 손상됨).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The artifact path “%1” leaves its folder; nothing was copied.</source>
        <translation>아티팩트 경로 “%1”이(가) 폴더 밖을 가리킵니다. 아무것도 복사하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 exists; nothing was copied.</source>
        <translation>%1이(가) 이미 있습니다. 아무것도 복사하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 would be written outside %2; stopped.</source>
        <translation>%1이(가) %2 밖에 쓰이게 되어 중단했습니다.</translation>
    </message>
    <message>
        <source>Cannot create the link %1.</source>
        <translation>링크 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a link; Runbench never writes through one, even when overwriting. Remove the link first; nothing was copied.</source>
        <translation>%1은(는) 링크입니다. Runbench는 덮어쓸 때에도 링크를 통해 쓰지 않습니다. 링크를 먼저 지우세요. 아무것도 복사하지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The download was stopped after %n file(s).</source>
        <translation>
            <numerusform>파일 %n개를 받은 뒤 내려받기를 멈췄습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartControls</name>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Zoom all charts together</source>
        <translation>모든 차트를 함께 확대</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Time since the run started</source>
        <translation>실행 시작 후 경과 시간</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>An exponential moving average drawn over the values; the raw line stays faint behind it. 0 is off.</source>
        <translation>값 위에 지수 이동 평균을 그립니다. 원래 선은 뒤에 흐리게 남습니다. 0이면 끕니다.</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X축:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>평활화:</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>The project folder (default: the nearest folder at or above the current one that has .runbench/).</source>
        <translation>프로젝트 폴더(기본값: 현재 폴더나 그 위에서 .runbench/가 있는 가장 가까운 폴더).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>runbench: %1 has no run history yet; start one with “runbench run SCRIPT”.
</source>
        <translation>runbench: %1에는 아직 실행 기록이 없습니다. “runbench run SCRIPT”로 시작하세요.
</translation>
    </message>
    <message>
        <source>runbench: unknown output format “%1”; use json, table or csv.
</source>
        <translation>runbench: 알 수 없는 출력 형식 “%1”입니다. json, table 또는 csv를 사용하세요.
</translation>
    </message>
    <message>
        <source>runbench: no run “%1” in the history of %2.
</source>
        <translation>runbench: %2의 실행 기록에 “%1” 실행이 없습니다.
</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Lists the project&apos;s runs, newest first: a column per logged value (its last value), then Duration, Run_id, Script_name, Start_time_utc and Status.</source>
        <translation>프로젝트의 실행을 최신순으로 나열합니다. 기록된 값마다 한 열(마지막 값)이 있고, 이어서 Duration, Run_id, Script_name, Start_time_utc, Status 열이 있습니다.</translation>
    </message>
    <message>
        <source>Include hidden runs.</source>
        <translation>숨긴 실행도 포함합니다.</translation>
    </message>
    <message>
        <source>Only runs of this script.</source>
        <translation>이 스크립트의 실행만.</translation>
    </message>
    <message>
        <source>script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Shows the most recent run as one JSON object: its logged values, then its fields.</source>
        <translation>가장 최근 실행을 JSON 개체 하나로 보여 줍니다. 기록된 값 다음에 필드가 옵니다.</translation>
    </message>
    <message>
        <source>Shows one run (by run id or run number) as one JSON object: its logged values, then its fields.</source>
        <translation>실행 하나(실행 ID 또는 실행 번호)를 JSON 개체 하나로 보여 줍니다. 기록된 값 다음에 필드가 옵니다.</translation>
    </message>
    <message>
        <source>Run id or number.</source>
        <translation>실행 ID 또는 번호.</translation>
    </message>
    <message>
        <source>runbench history info: usage: runbench history info RUN
</source>
        <translation>runbench history info: 사용법: runbench history info RUN
</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>Copies the files a run wrote to ./outputs into a folder, checking each copy against the checksum recorded for the run.</source>
        <translation>실행이 ./outputs에 쓴 파일을 폴더로 복사하고, 복사본마다 실행에 기록된 체크섬과 대조합니다.</translation>
    </message>
    <message>
        <source>The folder to copy into (created if needed).</source>
        <translation>복사할 폴더(없으면 만듭니다).</translation>
    </message>
    <message>
        <source>Overwrite files that exist in the folder.</source>
        <translation>폴더에 이미 있는 파일을 덮어씁니다.</translation>
    </message>
    <message>
        <source>runbench history download: usage: runbench history download RUN -d DIR
</source>
        <translation>runbench history download: 사용법: runbench history download RUN -d DIR
</translation>
    </message>
    <message>
        <source>runbench: run %1 wrote no files to ./outputs.
</source>
        <translation>runbench: 실행 %1은(는) ./outputs에 파일을 쓰지 않았습니다.
</translation>
    </message>
    <message>
        <source> Use --force to overwrite.</source>
        <translation> 덮어쓰려면 --force를 사용하세요.</translation>
    </message>
    <message numerus="yes">
        <source>runbench: files of run %1 copied to %2: %n (%3).
</source>
        <translation>
            <numerusform>runbench: 실행 %1의 파일을 %2(으)로 복사했습니다: %n개 (%3).
</numerusform>
        </translation>
    </message>
    <message>
        <source>Copies one of a run&apos;s artifacts into the project&apos;s assets/ folder under NAME and records where it came from (run, artifact, sha256); `runbench history info RUN` lists it.</source>
        <translation>실행의 아티팩트 하나를 프로젝트의 assets/ 폴더에 NAME으로 복사하고 출처(실행, 아티팩트, sha256)를 기록합니다. `runbench history info RUN`에 표시됩니다.</translation>
    </message>
    <message>
        <source>The artifact, e.g. outputs/model.pkl.</source>
        <translation>아티팩트(예: outputs/model.pkl).</translation>
    </message>
    <message>
        <source>The asset&apos;s file name in assets/.</source>
        <translation>assets/ 안의 자산 파일 이름.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Replace an asset of that name.</source>
        <translation>같은 이름의 자산을 바꿉니다.</translation>
    </message>
    <message>
        <source>runbench history promote: usage: runbench history promote RUN ARTIFACT --name NAME
</source>
        <translation>runbench history promote: 사용법: runbench history promote RUN ARTIFACT --name NAME
</translation>
    </message>
    <message>
        <source>runbench: %1 of run %2 promoted to %3 (sha256 %4).
</source>
        <translation>runbench: 실행 %2의 %1을(를) %3(으)로 승격했습니다(sha256 %4).
</translation>
    </message>
    <message>
        <source>runbench: run %1 has no code snapshot (its snapshot failed, or it was recorded before snapshots existed).
</source>
        <translation>runbench: 실행 %1에는 코드 스냅숏이 없습니다(스냅숏이 실패했거나 스냅숏 기능 이전에 기록된 실행입니다).
</translation>
    </message>
    <message>
        <source>runbench: cannot read the code snapshot of run %1: %2
</source>
        <translation>runbench: 실행 %1의 코드 스냅숏을 읽을 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>   (changed since the last snapshot)</source>
        <translation>   (마지막 스냅숏 이후 변경됨)</translation>
    </message>
    <message>
        <source>overwrite</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <source>create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>유지</translation>
    </message>
    <message>
        <source>  (kept files are in no snapshot: restore leaves them as they are)
</source>
        <translation>  (유지되는 파일은 어느 스냅숏에도 없으므로 복원해도 그대로 둡니다)
</translation>
    </message>
    <message>
        <source>Puts the project&apos;s files back to the code of a run. It first lists what would be overwritten, created and deleted (only files inside the snapshot scope: ignored files, .git/ and .runbench/ are never touched), then saves the current state as a restore point, so that `restore --undo` puts it back.</source>
        <translation>프로젝트 파일을 어떤 실행의 코드로 되돌립니다. 먼저 덮어쓰거나 만들거나 삭제할 파일을 나열하고(스냅숏 범위 안의 파일만, 무시된 파일과 .git/, .runbench/는 건드리지 않음), 현재 상태를 복원 지점으로 저장하므로 `restore --undo`로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Only list what would change.</source>
        <translation>바뀔 내용만 나열합니다.</translation>
    </message>
    <message>
        <source>Also overwrite files changed since the last snapshot.</source>
        <translation>마지막 스냅숏 이후 변경된 파일도 덮어씁니다.</translation>
    </message>
    <message>
        <source>Undo the latest restore.</source>
        <translation>마지막 복원을 취소합니다.</translation>
    </message>
    <message>
        <source>runbench: the latest restore was undone.
</source>
        <translation>runbench: 마지막 복원을 취소했습니다.
</translation>
    </message>
    <message>
        <source>runbench history restore: usage: runbench history restore RUN [--dry-run] [--force] | --undo
</source>
        <translation>runbench history restore: 사용법: runbench history restore RUN [--dry-run] [--force] | --undo
</translation>
    </message>
    <message>
        <source>runbench: cannot restore run %1: %2
</source>
        <translation>runbench: 실행 %1을(를) 복원할 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>runbench: the project&apos;s files already match run %1.
</source>
        <translation>runbench: 프로젝트 파일이 이미 실행 %1과(와) 같습니다.
</translation>
    </message>
    <message numerus="yes">
        <source>runbench: files changed since the last snapshot would be overwritten or deleted (%n); nothing was written. Use --force to restore anyway (the current state is kept as a restore point).
</source>
        <translation>
            <numerusform>runbench: 마지막 스냅숏 이후 변경된 파일 %n개를 덮어쓰거나 삭제하게 되므로 아무것도 쓰지 않았습니다. 그래도 복원하려면 --force를 사용하세요(현재 상태는 복원 지점으로 보관됩니다).
</numerusform>
        </translation>
    </message>
    <message>
        <source>runbench: the project now has the code of run %1 (number %2). Undo with `runbench history restore --undo`.
</source>
        <translation>runbench: 이제 프로젝트에 실행 %1(번호 %2)의 코드가 있습니다. `runbench history restore --undo`로 취소할 수 있습니다.
</translation>
    </message>
    <message>
        <source>Shows what changed in the code between the snapshots of two runs, as a unified diff. Paths after -- limit it to those files or folders.</source>
        <translation>두 실행의 스냅숏 사이에 코드가 어떻게 바뀌었는지 unified diff로 보여 줍니다. -- 뒤의 경로로 파일이나 폴더를 한정할 수 있습니다.</translation>
    </message>
    <message>
        <source>Two runs, then optional paths.</source>
        <translation>실행 2개, 그다음 선택적 경로.</translation>
    </message>
    <message>
        <source>runbench history diff: usage: runbench history diff A B [-- PATH…]
</source>
        <translation>runbench history diff: 사용법: runbench history diff A B [-- PATH…]
</translation>
    </message>
    <message>
        <source>runbench history: unknown command “%1”.
</source>
        <translation>runbench history: 알 수 없는 명령 “%1”입니다.
</translation>
    </message>
    <message>
        <source>Do not print the run&apos;s id and status lines.</source>
        <translation>실행 ID와 상태 줄을 출력하지 않습니다.</translation>
    </message>
    <message>
        <source>The script to run, relative to the project.</source>
        <translation>실행할 스크립트(프로젝트 기준 경로).</translation>
    </message>
    <message>
        <source>Arguments for the script.</source>
        <translation>스크립트에 줄 인수.</translation>
    </message>
    <message>
        <source>runbench run: which script? Usage: runbench run SCRIPT [ARGS…]
</source>
        <translation>runbench run: 어떤 스크립트인가요? 사용법: runbench run SCRIPT [ARGS…]
</translation>
    </message>
    <message>
        <source>runbench: run %1 (number %2) of %3
</source>
        <translation>runbench: %3의 실행 %1(번호 %2)
</translation>
    </message>
    <message>
        <source>
runbench: canceling the run…
</source>
        <translation>
runbench: 실행을 취소하는 중…
</translation>
    </message>
    <message>
        <source>runbench: run %1 %2 in %3</source>
        <translation>runbench: 실행 %1 %2, 걸린 시간 %3</translation>
    </message>
    <message numerus="yes">
        <source>malformed metric lines skipped: %n</source>
        <translation>
            <numerusform>건너뛴 잘못된 메트릭 줄: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Logs VALUE under NAME for the tracked run this shell script belongs to, as the Python client&apos;s log() does. VALUE is a number, true/false, a list like [1,2,3], or text. Outside a tracked run the value is printed and nothing is stored.</source>
        <translation>이 셸 스크립트가 속한 추적되는 실행에 VALUE를 NAME으로 기록합니다(Python 클라이언트의 log()와 같음). VALUE는 숫자, true/false, [1,2,3] 같은 목록 또는 텍스트입니다. 추적되는 실행 밖에서는 값을 출력만 하고 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>The metric&apos;s name.</source>
        <translation>메트릭 이름.</translation>
    </message>
    <message>
        <source>The value.</source>
        <translation>값.</translation>
    </message>
    <message>
        <source>runbench log: %1
</source>
        <translation>runbench log: %1
</translation>
    </message>
    <message>
        <source>runbench: there is no backup of it; the runs&apos; folders in %1 keep their logs, metrics and outputs.
</source>
        <translation>runbench: 백업이 없습니다. %1에 있는 각 실행의 폴더에는 로그, 메트릭, 출력이 남아 있습니다.
</translation>
    </message>
    <message>
        <source>runbench: a backup of %1 is at %2. Opening the project in the window offers to put it in place, keeping the damaged file.
</source>
        <translation>runbench: %1에 만든 백업이 %2에 있습니다. 창에서 프로젝트를 열면 손상된 파일은 보관한 채 백업으로 바꿀 수 있습니다.
</translation>
    </message>
    <message>
        <source>Copies the project&apos;s whole run history (runs, arguments, metrics, artifact records, promotions, tags) into another store: postgresql://user@host:5432/database for a team&apos;s server, or sqlite:PATH for a file. The destination must hold no runs of the project yet. Row counts are compared at the end. Run folders are not copied: point [store] artifact_root at a folder every machine sees.</source>
        <translation>프로젝트의 실행 기록 전체(실행, 인수, 메트릭, 아티팩트 기록, 승격, 태그)를 다른 저장소로 복사합니다. 팀 서버는 postgresql://user@host:5432/database, 파일은 sqlite:PATH로 지정합니다. 대상에는 이 프로젝트의 실행이 아직 없어야 합니다. 마지막에 행 수를 비교합니다. 실행 폴더는 복사하지 않으므로 [store] artifact_root를 모든 컴퓨터가 보는 폴더로 지정하세요.</translation>
    </message>
    <message>
        <source>Where to copy the history.</source>
        <translation>실행 기록을 복사할 곳.</translation>
    </message>
    <message>
        <source>store</source>
        <translation>저장소</translation>
    </message>
    <message>
        <source>runbench history export: usage: runbench history export --to postgresql://…|sqlite:PATH
</source>
        <translation>runbench history export: 사용법: runbench history export --to postgresql://…|sqlite:PATH
</translation>
    </message>
    <message>
        <source>runbench: “%1” is neither postgresql://… nor sqlite:PATH.
</source>
        <translation>runbench: “%1”은(는) postgresql://…도 sqlite:PATH도 아닙니다.
</translation>
    </message>
    <message>
        <source>
runbench: %1 runs, %2 metric values and %3 artifact records copied to %4; the counts of every table match.
</source>
        <translation>
runbench: 실행 %1개, 메트릭 값 %2개, 아티팩트 기록 %3개를 %4(으)로 복사했습니다. 모든 테이블의 행 수가 일치합니다.
</translation>
    </message>
    <message>
        <source>runbench: exported %1 of %2 runs</source>
        <translation>runbench: 실행 %2개 중 %1개 내보냄</translation>
    </message>
    <message>
        <source>Output format: json, table or csv. In JSON, a logged value named like a run field (status, name, run_id…) is under &quot;metrics&quot;, and infinities and NaN are the strings &quot;Infinity&quot;, &quot;-Infinity&quot; and &quot;NaN&quot;. Table and CSV cells show control and bidirectional characters as escapes (\n, \u202e).</source>
        <translation>출력 형식: json, table 또는 csv. JSON에서 실행 필드와 이름이 같은 기록 값(status, name, run_id…)은 &quot;metrics&quot; 아래에 있고, 무한대와 NaN은 문자열 &quot;Infinity&quot;, &quot;-Infinity&quot;, &quot;NaN&quot;으로 씁니다. table과 csv 칸은 제어 문자와 양방향 문자를 이스케이프(\n, \u202e)로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Changes a run&apos;s name, description, tags or whether it is hidden, in one step; open windows show the change within a second. Prints the run as `info` does.</source>
        <translation>실행의 이름, 설명, 태그, 숨김 여부를 한 번에 바꿉니다. 열린 창은 1초 안에 바뀐 내용을 보여 줍니다. 실행을 `info`처럼 출력합니다.</translation>
    </message>
    <message>
        <source>The run&apos;s name (&quot;&quot; clears it).</source>
        <translation>실행 이름(&quot;&quot; 이면 지움).</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>The run&apos;s description.</source>
        <translation>실행 설명.</translation>
    </message>
    <message>
        <source>Add a tag (repeatable).</source>
        <translation>태그 추가(여러 번 가능).</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Remove a tag (repeatable).</source>
        <translation>태그 제거(여러 번 가능).</translation>
    </message>
    <message>
        <source>Hide the run (true) or show it again (false).</source>
        <translation>실행 숨기기(true) 또는 다시 보이기(false).</translation>
    </message>
    <message>
        <source>runbench history edit: usage: runbench history edit RUN [--name N] [--description D] [--tag T] [--untag T] [--hidden true|false]
</source>
        <translation>runbench history edit: 사용법: runbench history edit RUN [--name N] [--description D] [--tag T] [--untag T] [--hidden true|false]
</translation>
    </message>
    <message>
        <source>runbench history edit: --hidden takes true or false, not “%1”.
</source>
        <translation>runbench history edit: --hidden에는 “%1”이 아니라 true 또는 false를 주세요.
</translation>
    </message>
    <message>
        <source>runbench history edit: nothing to change; give --name, --description, --tag, --untag or --hidden.
</source>
        <translation>runbench history edit: 바꿀 것이 없습니다. --name, --description, --tag, --untag 또는 --hidden을 주세요.
</translation>
    </message>
    <message>
        <source>Use --force to replace it.</source>
        <translation>바꾸려면 --force를 쓰세요.</translation>
    </message>
    <message>
        <source>Runs SCRIPT with ARGS as a tracked run: its arguments, logged metrics, console output, ./outputs files and code are kept in the project&apos;s run history. The output streams here while it runs; Ctrl-C cancels the run. The exit code is the script&apos;s (128 + N when signal N stopped it, 127 when it could not start, 130 when canceled).
On a Slurm cluster (--target slurm, or [run] target=slurm in project.ini) the run is a cluster job: its scheduler&apos;s state is printed as it changes, and Ctrl-C asks whether to cancel the job or leave it running (exit code 75: the job goes on, and any later runbench command or window records how it ends).
Everything after SCRIPT is passed to it verbatim, never through a shell.</source>
        <translation>SCRIPT를 ARGS와 함께 추적되는 실행으로 실행합니다. 인수, 기록된 메트릭, 콘솔 출력, ./outputs 파일과 코드가 프로젝트의 실행 기록에 보관됩니다. 실행 중에는 출력이 여기에 표시되고, Ctrl-C로 실행을 취소합니다. 종료 코드는 스크립트의 종료 코드입니다(신호 N으로 중지되면 128 + N, 시작하지 못하면 127, 취소되면 130).
Slurm 클러스터에서는(--target slurm 또는 project.ini의 [run] target=slurm) 실행이 클러스터 작업이 됩니다. 스케줄러의 상태가 바뀔 때마다 표시되고, Ctrl-C를 누르면 작업을 취소할지 계속 실행되게 둘지 묻습니다(종료 코드 75: 작업은 계속되며, 이후의 runbench 명령이나 창이 작업이 어떻게 끝났는지 기록합니다).
SCRIPT 뒤의 모든 것은 셸을 거치지 않고 그대로 전달됩니다.</translation>
    </message>
    <message>
        <source>Where the script runs: local or slurm (default: the project&apos;s [run] target, %1).</source>
        <translation>스크립트를 실행할 곳: local 또는 slurm(기본값: 프로젝트의 [run] target, %1).</translation>
    </message>
    <message>
        <source>target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>
runbench: run %1 is Slurm job %2. Cancel the job (c), or leave it running and return (l)? [c/l] </source>
        <translation>
runbench: 실행 %1은(는) Slurm 작업 %2입니다. 작업을 취소할까요(c), 아니면 계속 실행되게 두고 돌아갈까요(l)? [c/l] </translation>
    </message>
    <message>
        <source>runbench: Slurm job %1 goes on; “runbench history list” shows how it ends.
</source>
        <translation>runbench: Slurm 작업 %1은(는) 계속 실행됩니다. 어떻게 끝났는지는 “runbench history list”로 볼 수 있습니다.
</translation>
    </message>
    <message>
        <source>runbench: Slurm job %1: %2
</source>
        <translation>runbench: Slurm 작업 %1: %2
</translation>
    </message>
    <message>
        <source>Imports every run of an MLflow file store (an mlruns/ folder) into the project: parameters, metrics with every step and time, tags, status, start and end, and artifacts (copied into the run&apos;s outputs). MLflow&apos;s run id is kept as the property MlflowRunId: importing the same folder again adds nothing. A damaged run is reported and skipped, never half imported.</source>
        <translation>MLflow 파일 저장소(mlruns/ 폴더)의 모든 실행을 프로젝트로 가져옵니다: 매개변수, 모든 스텝과 시각이 담긴 메트릭, 태그, 상태, 시작과 끝, 아티팩트(실행의 outputs로 복사). MLflow의 실행 ID는 MlflowRunId 속성으로 남으므로 같은 폴더를 다시 가져와도 아무것도 더해지지 않습니다. 손상된 실행은 알리고 건너뛰며, 절반만 가져오는 일은 없습니다.</translation>
    </message>
    <message>
        <source>The MLflow store folder.</source>
        <translation>MLflow 저장소 폴더.</translation>
    </message>
    <message>
        <source>runbench history import: usage: runbench history import MLRUNS
</source>
        <translation>runbench history import: 사용법: runbench history import MLRUNS
</translation>
    </message>
    <message>
        <source>runbench: %1%</source>
        <translation>runbench: %1%</translation>
    </message>
    <message>
        <source>runbench: skipped %1: %2
</source>
        <translation>runbench: %1 건너뜀: %2
</translation>
    </message>
    <message>
        <source>%1 imported</source>
        <translation>%1개 가져옴</translation>
    </message>
    <message>
        <source>%1 imported before, left as they are</source>
        <translation>%1개는 이전에 가져와 그대로 둠</translation>
    </message>
    <message>
        <source>%1 deleted in MLflow, left out</source>
        <translation>%1개는 MLflow에서 삭제되어 제외함</translation>
    </message>
    <message>
        <source>%1 damaged, skipped</source>
        <translation>%1개는 손상되어 건너뜀</translation>
    </message>
    <message>
        <source>runbench: MLflow runs: %1; %2 values.
</source>
        <translation>runbench: MLflow 실행: %1; 값 %2개.
</translation>
    </message>
    <message>
        <source>Log the value at this step (an integer; any order). Without it, the value lands after the highest step so far.</source>
        <translation>값을 이 스텝(정수, 순서 무관)에 기록합니다. 없으면 지금까지 가장 높은 스텝 다음에 기록됩니다.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The value is a parameter of the run (never ranked best).</source>
        <translation>값은 실행의 매개변수입니다(최고로 표시되지 않음).</translation>
    </message>
    <message>
        <source>The value is a tag of the run.</source>
        <translation>값은 실행의 태그입니다.</translation>
    </message>
    <message>
        <source>runbench log: usage: runbench log [--step N] [--param|--tag] NAME VALUE
</source>
        <translation>runbench log: 사용법: runbench log [--step N] [--param|--tag] NAME VALUE
</translation>
    </message>
    <message>
        <source>runbench log: a value is a parameter or a tag, not both.
</source>
        <translation>runbench log: 값은 매개변수이거나 태그이며, 둘 다일 수는 없습니다.
</translation>
    </message>
    <message>
        <source>runbench log: --step takes an integer, not “%1”.
</source>
        <translation>runbench log: --step에는 “%1”이(가) 아니라 정수를 주어야 합니다.
</translation>
    </message>
    <message>
        <source>Usage: runbench [PROJECT] [--details RUN] open the workbench window (on a run&apos;s details)
       runbench run SCRIPT [ARGS…]        a tracked run of SCRIPT with ARGS
       runbench sweep SCRIPT ARGS…        a run per combination of {sets} in ARGS
       runbench log NAME VALUE            log a value from inside a tracked run
                                          (--step N, --param or --tag)
       runbench history COMMAND           list, last, info, compare, download, promote,
                                          restore, diff, export, import
       runbench --version
       --lang ko|en                       the language of messages and the window

Every command takes -h for its own help.
</source>
        <translation>사용법: runbench [PROJECT] [--details RUN] 워크벤치 창 열기(실행의 세부 정보로)
       runbench run SCRIPT [ARGS…]        SCRIPT를 ARGS로 추적되는 실행
       runbench sweep SCRIPT ARGS…        ARGS의 {집합} 조합마다 실행 하나
       runbench log NAME VALUE            추적되는 실행 안에서 값 기록
                                          (--step N, --param 또는 --tag)
       runbench history COMMAND           list, last, info, compare, download, promote,
                                          restore, diff, export, import
       runbench --version
       --lang ko|en                       메시지와 창의 언어

모든 명령은 -h로 자체 도움말을 보여 줍니다.
</translation>
    </message>
    <message>
        <source>Only the child runs of this run (a sweep&apos;s, or those nested in it).</source>
        <translation>이 실행의 하위 실행만(스윕의 실행, 또는 그 안에 중첩된 실행).</translation>
    </message>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Runs SCRIPT once per combination of the value sets in ARGS, as child runs of one parent run: {0.01,0.1,1} (a list), {1..5} (integers), {0.001..1:7} (7 values evenly spaced), {0.001..1:7:log} (7 values spaced on a log scale); several sets make a grid. Each child gets RUNBENCH_SWEEP_INDEX and RUNBENCH_REPEAT, and its arguments as parameters (--lr 0.1, --lr=0.1 and lr=0.1 are lr; others arg1, arg2…). The parent is Running until every child has ended, then Completed, or Failed when a child failed. Ctrl-C cancels the children not yet ended. Exit code: 0 when every child completed, 1 when one failed, 130 when canceled. Write \{ for a brace of the argument itself; `runbench run` never reads braces.</source>
        <translation>ARGS의 값 집합 조합마다 SCRIPT를 한 번씩, 상위 실행 하나의 하위 실행으로 실행합니다: {0.01,0.1,1}(목록), {1..5}(정수), {0.001..1:7}(고르게 나눈 값 7개), {0.001..1:7:log}(로그 눈금으로 고르게 나눈 값 7개). 집합이 여럿이면 격자가 됩니다. 각 하위 실행은 RUNBENCH_SWEEP_INDEX와 RUNBENCH_REPEAT를 받고, 인수는 매개변수가 됩니다(--lr 0.1, --lr=0.1, lr=0.1은 lr, 나머지는 arg1, arg2…). 상위 실행은 모든 하위 실행이 끝날 때까지 Running이고, 그다음 Completed, 하나라도 실패하면 Failed가 됩니다. Ctrl-C는 아직 끝나지 않은 하위 실행을 취소합니다. 종료 코드: 모두 완료 0, 하나라도 실패 1, 취소 130. 인수 자체의 중괄호는 \{로 쓰십시오. `runbench run`은 중괄호를 해석하지 않습니다.</translation>
    </message>
    <message>
        <source>Draw N combinations at random instead of the whole grid.</source>
        <translation>전체 격자 대신 조합 N개를 무작위로 뽑습니다.</translation>
    </message>
    <message>
        <source>The seed of --random: the same seed draws the same runs.</source>
        <translation>--random의 시드: 같은 시드는 같은 실행을 뽑습니다.</translation>
    </message>
    <message>
        <source>Run each combination K times.</source>
        <translation>각 조합을 K번 실행합니다.</translation>
    </message>
    <message>
        <source>Children running at once (default: the project&apos;s max_parallel_runs).</source>
        <translation>동시에 실행할 하위 실행 수(기본값: 프로젝트의 max_parallel_runs).</translation>
    </message>
    <message>
        <source>Where the children run: local or slurm.</source>
        <translation>하위 실행이 돌아갈 곳: local 또는 slurm.</translation>
    </message>
    <message>
        <source>Print every child&apos;s arguments and start nothing.</source>
        <translation>모든 하위 실행의 인수를 출력하고 아무것도 시작하지 않습니다.</translation>
    </message>
    <message>
        <source>Print only the table at the end.</source>
        <translation>마지막 표만 출력합니다.</translation>
    </message>
    <message>
        <source>Arguments, with value sets.</source>
        <translation>값 집합이 들어 있는 인수.</translation>
    </message>
    <message>
        <source>runbench sweep: which script? Usage: runbench sweep SCRIPT ARGS-with-{sets}…
</source>
        <translation>runbench sweep: 어떤 스크립트입니까? 사용법: runbench sweep SCRIPT ARGS-with-{sets}…
</translation>
    </message>
    <message>
        <source>runbench sweep: --random, --seed, --repeat and --parallel take a whole number.
</source>
        <translation>runbench sweep: --random, --seed, --repeat, --parallel에는 0 이상의 정수를 주어야 합니다.
</translation>
    </message>
    <message>
        <source>runbench sweep: %1
</source>
        <translation>runbench sweep: %1
</translation>
    </message>
    <message>
        <source>runbench sweep: %1 runs (%2 combinations, %3 each); nothing started.
</source>
        <translation>runbench sweep: 실행 %1개(조합 %2개, 각 %3번). 아무것도 시작하지 않았습니다.
</translation>
    </message>
    <message>
        <source>runbench: [%1/%2] run %3 %4: %5%6
</source>
        <translation>runbench: [%1/%2] 실행 %3 %4: %5%6
</translation>
    </message>
    <message>
        <source>runbench: sweep %1 (run %2): %3 runs of %4, %5 at a time
</source>
        <translation>runbench: 스윕 %1(실행 %2): %4 실행 %3개, 한 번에 %5개
</translation>
    </message>
    <message>
        <source>runbench: the parameters of run %1 could not be written: %2
</source>
        <translation>runbench: 실행 %1의 매개변수를 쓸 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>runbench: sweep %1 %2: %3
</source>
        <translation>runbench: 스윕 %1 %2: %3
</translation>
    </message>
    <message>
        <source>
runbench: canceling the sweep (runs not yet ended: %1)…
</source>
        <translation>
runbench: 스윕을 취소하는 중(아직 끝나지 않은 실행: %1)…
</translation>
    </message>
    <message>
        <source>Compares two runs or more side by side: their fields and logged values, row by row, as the compare view does. Rows whose values differ are marked with *; in logged values that differ, the best is marked (best): the highest, or the lowest for losses, errors and times (or as chosen in the compare view).</source>
        <translation>실행 두 개 이상을 비교 화면처럼 필드와 기록 값을 한 줄씩 나란히 보여 줍니다. 값이 다른 줄에는 *를 붙이고, 값이 다른 기록 값에서는 가장 좋은 값에 (best)를 붙입니다: 가장 큰 값, 손실·오류·시간은 가장 작은 값(또는 비교 화면에서 고른 방향).</translation>
    </message>
    <message>
        <source>Two runs or more.</source>
        <translation>실행 두 개 이상.</translation>
    </message>
    <message>
        <source>runbench history compare: give two runs or more.
</source>
        <translation>runbench history compare: 실행을 두 개 이상 지정하세요.
</translation>
    </message>
    <message>
        <source>Usage: runbench history COMMAND [options]

Commands:
  list                 the project&apos;s runs, newest first
  last                 the most recent run
  info RUN             one run (run id or number)
  edit RUN [--name N] [--description D] [--tag T] [--untag T] [--hidden true|false]
                       rename, describe, tag or hide a run
  compare A B [C…]     two runs or more side by side
  download RUN -d DIR  copy a run&apos;s ./outputs files into DIR
  promote RUN ARTIFACT --name NAME   copy an artifact into assets/, recording its origin
  restore RUN [--dry-run] [--force]  put the project&apos;s code back to a run&apos;s snapshot
  restore --undo       undo the latest restore
  diff A B [-- PATH…]  the code changes between two runs&apos; snapshots
  export --to STORE    copy the history to postgresql://… or sqlite:PATH
  import MLRUNS        import the runs of an MLflow file store (mlruns/ folder)

Options for all: -o json|table|csv, --project DIR, -h.
</source>
        <translation>사용법: runbench history COMMAND [options]

명령:
  list                 프로젝트의 실행, 최신순
  last                 가장 최근 실행
  info RUN             실행 하나(실행 ID 또는 번호)
  edit RUN [--name N] [--description D] [--tag T] [--untag T] [--hidden true|false]
                       실행 이름 바꾸기, 설명, 태그, 숨기기
  compare A B [C…]     실행 두 개 이상을 나란히
  download RUN -d DIR  실행의 ./outputs 파일을 DIR로 복사
  promote RUN ARTIFACT --name NAME   아티팩트를 assets/로 복사하고 출처 기록
  restore RUN [--dry-run] [--force]  프로젝트 코드를 실행의 스냅숏으로 되돌리기
  restore --undo       마지막 복원 취소
  diff A B [-- PATH…]  두 실행의 스냅숏 사이 코드 변경
  export --to STORE    실행 기록을 postgresql://… 또는 sqlite:PATH로 복사
  import MLRUNS        MLflow 파일 저장소(mlruns/ 폴더)의 실행 가져오기

공통 옵션: -o json|table|csv, --project DIR, -h.
</translation>
    </message>
</context>
<context>
    <name>CodeViewer</name>
    <message>
        <source>(showing %1 of %2 bytes)</source>
        <translation>(%2바이트 중 %1바이트 표시)</translation>
    </message>
    <message>
        <source>(%1 is a binary file)</source>
        <translation>(%1은(는) 이진 파일입니다)</translation>
    </message>
</context>
<context>
    <name>CustomizeColumnsDialog</name>
    <message>
        <source>Customize list view</source>
        <translation>목록 보기 사용자 지정</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Value shown</source>
        <translation>표시할 값</translation>
    </message>
    <message>
        <source>Check the columns to show; their order is the grid&apos;s.</source>
        <translation>표시할 열을 선택하세요. 순서가 그리드의 열 순서가 됩니다.</translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
</context>
<context>
    <name>HistoryWorker</name>
    <message>
        <source>The run history is not open.</source>
        <translation>실행 기록이 열려 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>Submitting</source>
        <translation>제출 중</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작 안 됨</translation>
    </message>
    <message>
        <source>Failed (exit %1)</source>
        <translation>실패(종료 코드 %1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Slurm job %1: %2</source>
        <translation>Slurm 작업 %1: %2</translation>
    </message>
    <message>
        <source>Queued (%1)</source>
        <translation>대기 중(%1)</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>%1에서 실행 중</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm 작업 %1</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>로그 열기</translation>
    </message>
    <message>
        <source>Open details</source>
        <translation>세부 정보 열기</translation>
    </message>
    <message>
        <source>The selected job&apos;s output appears here while it runs.</source>
        <translation>선택한 작업의 출력이 실행 중에 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Driver log — %1</source>
        <translation>드라이버 로그 — %1</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>다시 읽기</translation>
    </message>
    <message>
        <source>Runs started from this window show here: Run on the toolbar (Ctrl+R).</source>
        <translation>이 창에서 시작한 실행이 여기에 표시됩니다: 도구 모음의 실행(Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>JobWorker</name>
    <message>
        <source>The run&apos;s parameters could not be written: %1
</source>
        <translation>실행의 매개변수를 쓰지 못했습니다: %1
</translation>
    </message>
    <message>
        <source>The sweep was canceled before this run started.</source>
        <translation>이 실행이 시작되기 전에 스윕이 취소되었습니다.</translation>
    </message>
    <message>
        <source>Canceled before it started.</source>
        <translation>시작하기 전에 취소되었습니다.</translation>
    </message>
</context>
<context>
    <name>LostRuns</name>
    <message>
        <source>The program that ran it stopped before the run ended (it was killed or crashed).</source>
        <translation>실행을 맡은 프로그램이 실행이 끝나기 전에 멈췄습니다(강제 종료되었거나 비정상 종료됨).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Runbench</source>
        <translation>Runbench</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>The run history cannot be read: %1</source>
        <translation>실행 기록을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The backup was opened; the damaged file is kept as %1.</source>
        <translation>백업을 열었습니다. 손상된 파일은 %1(으)로 보관됩니다.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>프로젝트 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New project from sample…</source>
        <translation>샘플로 새 프로젝트 만들기(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>최근 프로젝트(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo last restore</source>
        <translation>마지막 복원 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>프로젝트(&amp;P)</translation>
    </message>
    <message>
        <source>Run history: &amp;Dashboard</source>
        <translation>실행 기록: 대시보드(&amp;D)</translation>
    </message>
    <message>
        <source>Run history: D&amp;etails</source>
        <translation>실행 기록: 세부 정보(&amp;E)</translation>
    </message>
    <message>
        <source>Run history: &amp;Compare</source>
        <translation>실행 기록: 비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Job panel</source>
        <translation>작업 패널(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>The language changes when Runbench starts again.</source>
        <translation>Runbench를 다시 시작하면 언어가 바뀝니다.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Runbench</source>
        <translation>Runbench 정보(&amp;A)</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 — Runbench</source>
        <translation>%1 — Runbench</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Folder for the new project</source>
        <translation>새 프로젝트 폴더</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Starting %1 %2…</source>
        <translation>%1 %2 시작하는 중…</translation>
    </message>
    <message>
        <source>The run did not start: %1</source>
        <translation>실행이 시작되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>The run did not start</source>
        <translation>실행이 시작되지 않았습니다</translation>
    </message>
    <message>
        <source>The run history is damaged</source>
        <translation>실행 기록이 손상되었습니다</translation>
    </message>
    <message>
        <source>The run history of %1 cannot be read.</source>
        <translation>%1의 실행 기록을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no backup of it. The file is left as it is, and the runs&apos; own folders in %1 keep their logs, metrics and outputs.</source>
        <translation>백업이 없습니다. 파일은 그대로 두며, %1에 있는 각 실행의 폴더에는 로그, 메트릭, 출력이 남아 있습니다.</translation>
    </message>
    <message>
        <source>Runbench can open the backup of %1 instead. Runs recorded after it are not in it; the damaged file is kept next to it, not deleted.</source>
        <translation>대신 %1에 만든 백업을 열 수 있습니다. 그 뒤에 기록된 실행은 백업에 없습니다. 손상된 파일은 삭제하지 않고 옆에 보관합니다.</translation>
    </message>
    <message>
        <source>Open the Backup</source>
        <translation>백업 열기</translation>
    </message>
    <message>
        <source>Run %1 (%2 %3)</source>
        <translation>실행 %1(%2 %3)</translation>
    </message>
    <message>
        <source>%1 completed in %2.</source>
        <translation>%1이(가) %2 만에 완료되었습니다.</translation>
    </message>
    <message>
        <source>%1 was canceled.</source>
        <translation>%1이(가) 취소되었습니다.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>The last restore was undone.</source>
        <translation>마지막 복원을 취소했습니다.</translation>
    </message>
    <message>
        <source>The restore was not undone: %1</source>
        <translation>복원을 취소하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Runs in progress</source>
        <translation>진행 중인 실행</translation>
    </message>
    <message numerus="yes">
        <source>Runs still in progress: %n.</source>
        <translation>
            <numerusform>아직 진행 중인 실행: %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel them and close, or let them finish and close afterwards?</source>
        <translation>실행을 취소하고 닫을까요, 아니면 끝난 뒤에 닫을까요?</translation>
    </message>
    <message>
        <source>Cancel runs and close</source>
        <translation>실행 취소 후 닫기</translation>
    </message>
    <message>
        <source>Close when they finish</source>
        <translation>끝나면 닫기</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>계속 작업</translation>
    </message>
    <message>
        <source>Canceling runs; the window closes when they have stopped.</source>
        <translation>실행을 취소하는 중입니다. 모두 멈추면 창이 닫힙니다.</translation>
    </message>
    <message>
        <source>The window closes when the runs finish.</source>
        <translation>실행이 끝나면 창이 닫힙니다.</translation>
    </message>
    <message>
        <source>Runbench %1
Qt %2
KSyntaxHighlighting: %3
libgit2: %4
SQLite %5</source>
        <translation>Runbench %1
Qt %2
KSyntaxHighlighting: %3
libgit2: %4
SQLite %5</translation>
    </message>
    <message>
        <source>not in this build (plain text viewers)</source>
        <translation>이 빌드에 없음(일반 텍스트 보기)</translation>
    </message>
    <message>
        <source>About Runbench</source>
        <translation>Runbench 정보</translation>
    </message>
    <message>
        <source>Runbench — a workbench for tracked data-science runs.</source>
        <translation>Runbench — 추적되는 데이터 과학 실행을 위한 워크벤치.</translation>
    </message>
    <message>
        <source>Save a &amp;copy as a new project…</source>
        <translation>새 프로젝트로 사본 저장(&amp;C)…</translation>
    </message>
    <message>
        <source>Save a copy as a new project</source>
        <translation>새 프로젝트로 사본 저장</translation>
    </message>
    <message>
        <source>Save copy</source>
        <translation>사본 저장</translation>
    </message>
    <message>
        <source>Copying the project to %1…</source>
        <translation>프로젝트를 %1(으)로 복사하는 중…</translation>
    </message>
    <message>
        <source>Saved a copy of %1 as the new project %2, with a history of its own.</source>
        <translation>%1의 사본을 새 프로젝트 %2(으)로 저장했습니다. 실행 기록은 따로 갖습니다.</translation>
    </message>
    <message>
        <source>The copy is a new project with an empty history. Open it now?</source>
        <translation>사본은 실행 기록이 비어 있는 새 프로젝트입니다. 지금 열까요?</translation>
    </message>
    <message>
        <source>&amp;Import MLflow runs…</source>
        <translation>MLflow 실행 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import MLflow runs: choose an mlruns folder</source>
        <translation>MLflow 실행 가져오기: mlruns 폴더 선택</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Importing the MLflow runs of %1…</source>
        <translation>%1의 MLflow 실행을 가져오는 중…</translation>
    </message>
    <message>
        <source>Import MLflow runs</source>
        <translation>MLflow 실행 가져오기</translation>
    </message>
    <message>
        <source>Imported %1 runs from %2.</source>
        <translation>%2에서 실행 %1개를 가져왔습니다.</translation>
    </message>
    <message>
        <source>%1 were imported before and left as they are.</source>
        <translation>%1개는 이전에 가져왔으므로 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>%1 deleted in MLflow were left out.</source>
        <translation>MLflow에서 삭제된 %1개는 제외했습니다.</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 건너뜀: %2</translation>
    </message>
    <message>
        <source>%1 damaged runs were skipped (see the details).</source>
        <translation>손상된 실행 %1개를 건너뛰었습니다(자세한 내용 참고).</translation>
    </message>
    <message>
        <source>Sweep started: run %1 holds its runs.</source>
        <translation>스윕 시작: 실행 %1이(가) 스윕의 실행들을 담습니다.</translation>
    </message>
    <message>
        <source>The sweep did not start</source>
        <translation>스윕이 시작되지 않았습니다</translation>
    </message>
    <message>
        <source>Sweep run %1 %2: %3</source>
        <translation>스윕 실행 %1 %2: %3</translation>
    </message>
    <message>
        <source>Starting a sweep of %1: %2 runs…</source>
        <translation>%1 스윕 시작: 실행 %2개…</translation>
    </message>
    <message>
        <source>Launcher: %1</source>
        <translation>실행기: %1</translation>
    </message>
    <message>
        <source>not found (runs cannot start)</source>
        <translation>찾을 수 없음 (실행을 시작할 수 없습니다)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script chosen on the Project page with its arguments (Ctrl+R)</source>
        <translation>프로젝트 페이지에서 고른 스크립트를 그 인수로 실행합니다 (Ctrl+R)</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>스윕(&amp;W)…</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Many runs at once: arguments with value sets such as {0.01,0.1,1}</source>
        <translation>한 번에 여러 실행: {0.01,0.1,1} 같은 값 집합이 든 인수</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the run selected in the job panel, or else the newest one still running</source>
        <translation>작업 패널에서 선택한 실행을, 없으면 아직 실행 중인 가장 최근 실행을 중지합니다</translation>
    </message>
    <message>
        <source>&amp;Colors</source>
        <translation>색상(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>시스템(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Compare the runs selected in the dashboard</source>
        <translation>대시보드에서 선택한 실행을 비교합니다</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stopping the work in progress; the window closes when it has stopped.</source>
        <translation>진행 중인 작업을 멈추는 중입니다. 멈추면 창이 닫힙니다.</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>SVG로 내보내기…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>time since the run started</source>
        <translation>실행 시작 후 경과 시간</translation>
    </message>
    <message>
        <source>time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>No values yet.</source>
        <translation>아직 값이 없습니다.</translation>
    </message>
    <message>
        <source>%1 (smoothed %2)</source>
        <translation>%1 (평활화 %2)</translation>
    </message>
    <message>
        <source>%1: %2 at step %3</source>
        <translation>%1: 스텝 %3에서 %2</translation>
    </message>
    <message>
        <source>%1 values ≤ 0 are left out of the log scale.</source>
        <translation>0 이하인 값 %1개는 로그 눈금에서 제외됩니다.</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 파일을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>데이터를 CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>쉼표로 구분된 값 (*.csv)</translation>
    </message>
</context>
<context>
    <name>MetricLineReader</name>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>줄이 JSON 개체가 아닙니다.</translation>
    </message>
    <message>
        <source>The line has no &quot;name&quot; and &quot;value&quot;.</source>
        <translation>줄에 &quot;name&quot;과 &quot;value&quot;가 없습니다.</translation>
    </message>
    <message>
        <source>A key is not a string.</source>
        <translation>키가 문자열이 아닙니다.</translation>
    </message>
    <message>
        <source>A &apos;:&apos; is missing after a key.</source>
        <translation>키 뒤에 &apos;:&apos;가 없습니다.</translation>
    </message>
    <message>
        <source>&quot;name&quot; is not a string.</source>
        <translation>&quot;name&quot;이 문자열이 아닙니다.</translation>
    </message>
    <message>
        <source>&quot;time&quot; is not a finite number.</source>
        <translation>&quot;time&quot;이 유한한 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>A value is not valid JSON.</source>
        <translation>값이 올바른 JSON이 아닙니다.</translation>
    </message>
    <message>
        <source>A &apos;,&apos; or &apos;}&apos; is missing (the line may be cut short).</source>
        <translation>&apos;,&apos; 또는 &apos;}&apos;가 없습니다(줄이 중간에 잘렸을 수 있음).</translation>
    </message>
    <message>
        <source>There is text after the JSON object.</source>
        <translation>JSON 개체 뒤에 텍스트가 있습니다.</translation>
    </message>
    <message>
        <source>The line has no metric name.</source>
        <translation>줄에 메트릭 이름이 없습니다.</translation>
    </message>
    <message>
        <source>The line has no &quot;value&quot;.</source>
        <translation>줄에 &quot;value&quot;가 없습니다.</translation>
    </message>
    <message>
        <source>&quot;value&quot; is missing.</source>
        <translation>&quot;value&quot;가 없습니다.</translation>
    </message>
    <message>
        <source>&quot;value&quot; is not a valid string.</source>
        <translation>&quot;value&quot;가 올바른 문자열이 아닙니다.</translation>
    </message>
    <message>
        <source>A list may only hold numbers.</source>
        <translation>목록에는 숫자만 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>A list is not closed with &apos;]&apos;.</source>
        <translation>목록이 &apos;]&apos;로 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>&quot;value&quot; must be a number, true/false, a string or a list of numbers.</source>
        <translation>&quot;value&quot;는 숫자, true/false, 문자열 또는 숫자 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;value&quot; is not valid JSON.</source>
        <translation>&quot;value&quot;가 올바른 JSON이 아닙니다.</translation>
    </message>
    <message>
        <source>A string holds a raw control character.</source>
        <translation>문자열에 제어 문자가 그대로 들어 있습니다.</translation>
    </message>
    <message>
        <source>A string has a bad \u escape.</source>
        <translation>문자열의 \u 이스케이프가 잘못되었습니다.</translation>
    </message>
    <message>
        <source>A string has an unknown escape.</source>
        <translation>문자열에 알 수 없는 이스케이프가 있습니다.</translation>
    </message>
    <message>
        <source>A string is not closed (the line may be cut short).</source>
        <translation>문자열이 닫히지 않았습니다(줄이 중간에 잘렸을 수 있음).</translation>
    </message>
    <message>
        <source>A string is longer than %1 characters.</source>
        <translation>문자열이 %1자보다 깁니다.</translation>
    </message>
    <message>
        <source>A string holds a NUL character.</source>
        <translation>문자열에 NUL 문자가 들어 있습니다.</translation>
    </message>
    <message>
        <source>The line is nested deeper than %1 levels.</source>
        <translation>줄의 중첩이 %1단계보다 깊습니다.</translation>
    </message>
    <message>
        <source>&quot;step&quot; is not an integer.</source>
        <translation>&quot;step&quot;이 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be &quot;metric&quot;, &quot;param&quot;, &quot;tag&quot; or &quot;property&quot;.</source>
        <translation>&quot;kind&quot;는 &quot;metric&quot;, &quot;param&quot;, &quot;tag&quot;, &quot;property&quot; 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>&quot;run&quot; must name a nested run in at most %1 characters.</source>
        <translation>&quot;run&quot;은 중첩 실행을 %1자 이내로 가리켜야 합니다.</translation>
    </message>
    <message>
        <source>&quot;status&quot; must be Running, Completed, Failed or Canceled.</source>
        <translation>&quot;status&quot;는 Running, Completed, Failed, Canceled 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>A line with &quot;status&quot; must name its nested run in &quot;run&quot;.</source>
        <translation>&quot;status&quot;가 있는 줄은 &quot;run&quot;에 중첩 실행을 적어야 합니다.</translation>
    </message>
    <message>
        <source>A nested run&apos;s event has no &quot;value&quot;.</source>
        <translation>중첩 실행의 이벤트에는 &quot;value&quot;가 없습니다.</translation>
    </message>
    <message>
        <source>A property is a single value, not a list.</source>
        <translation>속성은 목록이 아니라 값 하나입니다.</translation>
    </message>
</context>
<context>
    <name>MetricsIngester</name>
    <message>
        <source>A line is longer than %1 bytes.</source>
        <translation>한 줄이 %1바이트보다 깁니다.</translation>
    </message>
    <message>
        <source>%1 is shorter than what was already stored from it; it was replaced or cut, and is not read again.</source>
        <translation>%1이(가) 이미 저장한 부분보다 짧습니다. 파일이 교체되었거나 잘렸으므로 다시 읽지 않습니다.</translation>
    </message>
</context>
<context>
    <name>MlflowImport</name>
    <message>
        <source>The run was still going in MLflow (RUNNING or SCHEDULED) when it was imported.</source>
        <translation>가져올 때 MLflow에서 아직 진행 중(RUNNING 또는 SCHEDULED)이던 실행입니다.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>The run was imported as #%1, but its files stay in %2: it could not be renamed to %3.</source>
        <translation>실행은 #%1(으)로 가져왔지만 파일은 %2에 남아 있습니다: %3(으)로 이름을 바꿀 수 없었습니다.</translation>
    </message>
    <message>
        <source>Run #%1 (%2): %3</source>
        <translation>실행 #%1 (%2): %3</translation>
    </message>
    <message>
        <source>Cannot add MLflow&apos;s values to %1: %2</source>
        <translation>MLflow의 값을 %1에 더할 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>The import was stopped after %n run(s); importing again adds the rest.</source>
        <translation>
            <numerusform>실행 %n개를 가져온 뒤 가져오기를 멈췄습니다. 다시 가져오면 나머지가 추가됩니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MlflowStore</name>
    <message>
        <source>%1 names no run_id.</source>
        <translation>%1에 run_id가 없습니다.</translation>
    </message>
    <message>
        <source>%1: start_time or end_time is not a number of milliseconds.</source>
        <translation>%1: start_time 또는 end_time이 밀리초 수가 아닙니다.</translation>
    </message>
    <message>
        <source>%1, line %2: “%3” is not “timestamp value step”.</source>
        <translation>%1, %2번째 줄: “%3”은(는) “timestamp value step” 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>%1: several values shared a step; they were numbered 0 to %2 in order of step and time.</source>
        <translation>%1: 여러 값이 한 스텝을 함께 썼습니다. 스텝과 시각 순서로 0부터 %2까지 번호를 매겼습니다.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 holds no MLflow experiment (no &lt;experiment&gt;/meta.yaml).</source>
        <translation>%1에는 MLflow 실험이 없습니다(&lt;experiment&gt;/meta.yaml 없음).</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MB: no meta.yaml MLflow writes is.</source>
        <translation>%1이(가) 1 MB보다 큽니다: MLflow가 쓰는 meta.yaml은 그렇게 크지 않습니다.</translation>
    </message>
    <message>
        <source>%1, line %2: “%3” is not a “key: value” line.</source>
        <translation>%1, %2번째 줄: “%3”은(는) “키: 값” 줄이 아닙니다.</translation>
    </message>
    <message>
        <source>%1, line %2: a quoted value is not closed.</source>
        <translation>%1, %2번째 줄: 따옴표로 시작한 값이 닫히지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ParallelCoordinates</name>
    <message>
        <source>No parameters or metrics yet. Runs of a sweep (runbench sweep) give one axis per parameter; right-click to choose axes.</source>
        <translation>아직 매개변수나 메트릭이 없습니다. 스윕(runbench sweep)의 실행은 매개변수마다 축 하나를 만듭니다. 축은 오른쪽 클릭으로 고릅니다.</translation>
    </message>
    <message>
        <source>No runs to draw: the filter keeps none.</source>
        <translation>그릴 실행이 없습니다: 필터에 남는 실행이 없습니다.</translation>
    </message>
    <message>
        <source>%1 (parameter)</source>
        <translation>%1 (매개변수)</translation>
    </message>
    <message>
        <source> · log</source>
        <translation> · 로그</translation>
    </message>
    <message>
        <source>%1 of %2 runs in the brushed ranges</source>
        <translation>실행 %2개 중 %1개가 선택한 범위 안</translation>
    </message>
    <message>
        <source>Run %1 — %2</source>
        <translation>실행 %1 — %2</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Colour the lines by %1</source>
        <translation>%1 값으로 선 색칠</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>왼쪽으로 이동</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>오른쪽으로 이동</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>이 축 제거</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>축</translation>
    </message>
    <message>
        <source>Clear all brushes</source>
        <translation>선택한 범위 모두 지우기</translation>
    </message>
</context>
<context>
    <name>ParameterScatter</name>
    <message>
        <source>Choose two names both logged by some run shown.</source>
        <translation>보이는 실행이 둘 다 기록한 이름 두 개를 고르세요.</translation>
    </message>
    <message>
        <source>Run %1
%2: %3
%4: %5</source>
        <translation>실행 %1
%2: %3
%4: %5</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Across:</source>
        <translation>가로:</translation>
    </message>
    <message>
        <source>Up:</source>
        <translation>세로:</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>“%1” is not a postgresql://user@host:5432/database URL.</source>
        <translation>“%1”은(는) postgresql://user@host:5432/database 형식의 URL이 아닙니다.</translation>
    </message>
    <message>
        <source>Passwords are never stored in project.ini: leave it out of the URL and put it in ~/.pgpass, or in PGPASSWORD.</source>
        <translation>암호는 project.ini에 저장하지 않습니다. URL에서 빼고 ~/.pgpass나 PGPASSWORD에 넣으세요.</translation>
    </message>
    <message>
        <source>%1, line %2: the project id “%3” is not a UUID (like 1b4e28ba-2fa1-11d2-883f-0016d3cca427). Correct it, or delete the line to give the project a new id and a history of its own; nothing was written meanwhile.</source>
        <translation>%1, %2번째 줄: 프로젝트 ID “%3”은(는) UUID(예: 1b4e28ba-2fa1-11d2-883f-0016d3cca427)가 아닙니다. 고치거나, 그 줄을 지워 프로젝트에 새 ID와 별도의 실행 기록을 주십시오. 그동안 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is locked by another program.</source>
        <translation>%1은(는) 다른 프로그램이 잠그고 있습니다.</translation>
    </message>
</context>
<context>
    <name>ProjectCopy</name>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>프로젝트 폴더 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is inside the project; choose a folder outside it.</source>
        <translation>%1은(는) 프로젝트 안에 있습니다. 프로젝트 밖의 폴더를 고르십시오.</translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty folder; nothing was copied.</source>
        <translation>%1이(가) 이미 있고 빈 폴더가 아닙니다. 아무것도 복사하지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>%1을(를) %2(으)로 복사할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The copy was stopped; nothing was kept of it.</source>
        <translation>복사를 멈췄습니다. 복사된 것은 남기지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ProjectDashboard</name>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Interpreters and parallel runs of this project</source>
        <translation>이 프로젝트의 인터프리터와 병렬 실행</translation>
    </message>
    <message>
        <source>arguments for the script, e.g. 0.01</source>
        <translation>스크립트 인수, 예: 0.01</translation>
    </message>
    <message>
        <source>Start a tracked run (Ctrl+R)</source>
        <translation>추적되는 실행 시작(Ctrl+R)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>runs as a program</source>
        <translation>프로그램으로 실행</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>%1(으)로 실행</translation>
    </message>
    <message>
        <source>on the Slurm cluster</source>
        <translation>Slurm 클러스터에서</translation>
    </message>
    <message>
        <source>on the Slurm cluster, partition %1</source>
        <translation>Slurm 클러스터의 %1 파티션에서</translation>
    </message>
    <message>
        <source>Submit a tracked run to the Slurm cluster (Ctrl+R)</source>
        <translation>추적되는 실행을 Slurm 클러스터에 제출합니다(Ctrl+R)</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>스윕(&amp;W)…</translation>
    </message>
    <message>
        <source>Many runs at once: arguments with value sets such as {0.01,0.1,1}</source>
        <translation>한 번에 여러 실행: {0.01,0.1,1} 같은 값 집합이 든 인수</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>Project settings — %1</source>
        <translation>프로젝트 설정 — %1</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>확장자</translation>
    </message>
    <message>
        <source>Interpreter command</source>
        <translation>인터프리터 명령</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>A script runs with the command for its extension (for example “/usr/bin/python3” for .py). Files without one run as programs when they are executable.</source>
        <translation>스크립트는 확장자에 맞는 명령으로 실행됩니다(예: .py는 “/usr/bin/python3”). 명령이 없는 파일은 실행 권한이 있으면 프로그램으로 실행됩니다.</translation>
    </message>
    <message>
        <source>Runs at once</source>
        <translation>동시 실행 수</translation>
    </message>
    <message>
        <source>Interpreters</source>
        <translation>인터프리터</translation>
    </message>
    <message>
        <source>empty: the project&apos;s own file; or postgresql://user@host:5432/database</source>
        <translation>비워 두면 프로젝트 자체 파일, 또는 postgresql://user@host:5432/database</translation>
    </message>
    <message>
        <source>empty: .runbench/runs; or a folder every machine sees</source>
        <translation>비워 두면 .runbench/runs, 또는 모든 컴퓨터가 보는 폴더</translation>
    </message>
    <message>
        <source>Run history server</source>
        <translation>실행 기록 서버</translation>
    </message>
    <message>
        <source>Shared run folders</source>
        <translation>공유 실행 폴더</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>A run whose window or terminal has not been heard of for this long shows as Lost on every machine, until its own machine opens the project again.</source>
        <translation>실행한 창이나 터미널에서 이만큼 소식이 없는 실행은 모든 컴퓨터에서 유실로 표시되며, 그 실행의 컴퓨터가 프로젝트를 다시 열 때까지 그렇습니다.</translation>
    </message>
    <message>
        <source>Silent runs are Lost after</source>
        <translation>소식 없는 실행을 유실로 볼 시간</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>id %1 (in project.ini: every copy with this id shares one history)</source>
        <translation>ID %1 (project.ini에 있음: 이 ID를 가진 모든 사본이 하나의 실행 기록을 함께 씁니다)</translation>
    </message>
    <message>
        <source>not given yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Before, its history saw it at %1 on %2.</source>
        <translation>이전에는 실행 기록이 %2의 %1에서 이 프로젝트를 보았습니다.</translation>
    </message>
    <message>
        <source>Before, its history saw it at %1.</source>
        <translation>이전에는 실행 기록이 %1에서 이 프로젝트를 보았습니다.</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>실행 대상</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>A Slurm cluster</source>
        <translation>Slurm 클러스터</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>클러스터의 기본값</translation>
    </message>
    <message>
        <source>the partition&apos;s limit; e.g. 30, 2:00:00 or 1-0</source>
        <translation>파티션의 제한; 예: 30, 2:00:00 또는 1-0</translation>
    </message>
    <message>
        <source>Slurm&apos;s default</source>
        <translation>Slurm 기본값</translation>
    </message>
    <message>
        <source>e.g. 8G</source>
        <translation>예: 8G</translation>
    </message>
    <message>
        <source>e.g. gpu:1</source>
        <translation>예: gpu:1</translation>
    </message>
    <message>
        <source>one option per line, e.g. --qos=high</source>
        <translation>한 줄에 옵션 하나, 예: --qos=high</translation>
    </message>
    <message>
        <source>shell lines run on the node first, e.g. module load python/3.11</source>
        <translation>노드에서 먼저 실행할 셸 명령, 예: module load python/3.11</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>시간 제한</translation>
    </message>
    <message>
        <source>CPUs per task</source>
        <translation>작업당 CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>GPUs and other resources</source>
        <translation>GPU 및 기타 자원</translation>
    </message>
    <message>
        <source>More sbatch options</source>
        <translation>추가 sbatch 옵션</translation>
    </message>
    <message>
        <source>Set-up lines</source>
        <translation>준비 명령</translation>
    </message>
    <message>
        <source>Cluster runs are submitted with sbatch and run in the project folder: it must be on a file system the cluster&apos;s nodes see, as must the shared run folders when the project has them. Closing the window leaves cluster runs running; opening the project again picks them up.</source>
        <translation>클러스터 실행은 sbatch로 제출되어 프로젝트 폴더에서 실행됩니다. 프로젝트 폴더는 클러스터 노드가 볼 수 있는 파일 시스템에 있어야 하며, 공유 실행 폴더가 있다면 그것도 마찬가지입니다. 창을 닫아도 클러스터 실행은 계속되고, 프로젝트를 다시 열면 이어서 추적합니다.</translation>
    </message>
    <message>
        <source>Run scripts on</source>
        <translation>스크립트 실행 위치</translation>
    </message>
</context>
<context>
    <name>Promotion</name>
    <message>
        <source>The asset name “%1” must be a plain file name (no folders, no “..”).</source>
        <translation>자산 이름 “%1”은(는) 폴더나 “..” 없는 파일 이름이어야 합니다.</translation>
    </message>
    <message>
        <source>Run %1 has no artifact “%2”.</source>
        <translation>실행 %1에는 아티팩트 “%2”이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; promote writes only inside the project.</source>
        <translation>%1은(는) 심볼릭 링크입니다. promote는 프로젝트 안에만 씁니다.</translation>
    </message>
    <message>
        <source>%1 is a link; Runbench never writes through one.</source>
        <translation>%1은(는) 링크입니다. Runbench는 링크를 통해 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>%1 exists.</source>
        <translation>%1이(가) 이미 있습니다.</translation>
    </message>
</context>
<context>
    <name>PythonClient</name>
    <message>
        <source>Cannot write the logging client to %1.</source>
        <translation>로깅 클라이언트를 %1에 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>RegularFile</name>
    <message>
        <source>%1 is a link, not a regular file; Runbench does not follow it.</source>
        <translation>%1은(는) 일반 파일이 아니라 링크입니다. Runbench는 링크를 따라가지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1을(를) 열 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file; Runbench does not open it.</source>
        <translation>%1은(는) 일반 파일이 아니라 %2입니다. Runbench는 열지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot examine %1.</source>
        <translation>%1을(를) 확인할 수 없습니다.</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>특수 파일</translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message>
        <source>Differences only</source>
        <translation>차이만</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>계열</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>출력 파일</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>run number or id</source>
        <translation>실행 번호 또는 ID</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>교체</translation>
    </message>
    <message>
        <source>with</source>
        <translation>다음으로:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source># run %1 → run %2
</source>
        <translation># 실행 %1 → 실행 %2
</translation>
    </message>
    <message>
        <source># (the same code)
</source>
        <translation># (코드가 같음)
</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>Comparing %1</source>
        <translation>%1 비교</translation>
    </message>
    <message>
        <source>(no code snapshots to compare)</source>
        <translation>(비교할 코드 스냅숏이 없음)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>실행 ID</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>스냅숏</translation>
    </message>
    <message>
        <source>Best: the lowest. Double-click for the highest.</source>
        <translation>최고: 가장 낮은 값. 두 번 클릭하면 가장 높은 값.</translation>
    </message>
    <message>
        <source>Best: the highest. Double-click for the lowest.</source>
        <translation>최고: 가장 높은 값. 두 번 클릭하면 가장 낮은 값.</translation>
    </message>
    <message>
        <source>best: the lowest</source>
        <translation>최고: 가장 낮은 값</translation>
    </message>
    <message>
        <source>best: the highest</source>
        <translation>최고: 가장 높은 값</translation>
    </message>
    <message>
        <source>None of these runs logged a value more than once.</source>
        <translation>이 실행들은 어떤 값도 두 번 이상 기록하지 않았습니다.</translation>
    </message>
    <message>
        <source>(not written by this run)</source>
        <translation>(이 실행이 쓰지 않음)</translation>
    </message>
    <message>
        <source>(missing from the run folder)</source>
        <translation>(실행 폴더에 없음)</translation>
    </message>
    <message>
        <source>link → %1</source>
        <translation>링크 → %1</translation>
    </message>
    <message>
        <source>Run number</source>
        <translation>실행 번호</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>종료 코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>숨김</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>%1 (parameter)</source>
        <translation>%1 (매개변수)</translation>
    </message>
    <message>
        <source>%1 (tag)</source>
        <translation>%1 (태그)</translation>
    </message>
    <message>
        <source>A parameter the run was given: never ranked.</source>
        <translation>실행에 주어진 매개변수: 순위를 매기지 않습니다.</translation>
    </message>
    <message>
        <source>A tag the run was given: never ranked.</source>
        <translation>실행에 붙은 태그: 순위를 매기지 않습니다.</translation>
    </message>
    <message>
        <source>Select two runs or more in the dashboard and press Compare.</source>
        <translation>대시보드에서 실행을 두 개 이상 고르고 비교를 누르세요.</translation>
    </message>
    <message>
        <source>‹ Previous runs</source>
        <translation>‹ 이전 실행</translation>
    </message>
    <message>
        <source>Next runs ›</source>
        <translation>다음 실행 ›</translation>
    </message>
    <message>
        <source>Comparing %1 runs, from run %2 to run %3</source>
        <translation>실행 %1개 비교: 실행 %2부터 실행 %3까지</translation>
    </message>
    <message>
        <source>Runs %1–%2 of %3</source>
        <translation>실행 %3개 중 %1–%2</translation>
    </message>
</context>
<context>
    <name>RunDashboard</name>
    <message>
        <source>Show hidden</source>
        <translation>숨긴 실행 표시</translation>
    </message>
    <message>
        <source>Customize…</source>
        <translation>사용자 지정…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>All scripts</source>
        <translation>모든 스크립트</translation>
    </message>
    <message>
        <source>Filter: Accuracy &gt; 0.65 status:Completed script:iris text</source>
        <translation>필터: Accuracy &gt; 0.65 status:Completed script:iris 텍스트</translation>
    </message>
    <message>
        <source>All terms must hold. NAME &gt; 0.5 (also &gt;=, &lt;, &lt;=, =, !=; names with spaces in quotes), status:Completed, script:NAME, name:TEXT, run&gt;=3, duration&lt;10 (seconds), exit=0, or any text.</source>
        <translation>모든 조건을 만족해야 합니다. NAME &gt; 0.5(&gt;=, &lt;, &lt;=, =, !=도 가능, 공백이 있는 이름은 따옴표로), status:Completed, script:NAME, name:TEXT, run&gt;=3, duration&lt;10(초), exit=0 또는 아무 텍스트.</translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Run %1 — %2
%3: %4
Arguments: %5
%6</source>
        <translation>실행 %1 — %2
%3: %4
인수: %5
%6</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>기간(초)</translation>
    </message>
    <message>
        <source>Group by sweep</source>
        <translation>스윕별로 묶기</translation>
    </message>
    <message>
        <source>Select two runs or more in the grid</source>
        <translation>그리드에서 실행을 두 개 이상 고르세요</translation>
    </message>
    <message>
        <source>Show a sweep as one row with the best, mean and standard deviation of each metric across its runs; open it for the runs.</source>
        <translation>스윕을 한 줄로 보여 주고 메트릭마다 실행들의 최고값, 평균, 표준편차를 표시합니다. 펼치면 실행들이 보입니다.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>평행 좌표</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>산점도</translation>
    </message>
    <message>
        <source>Compare the best 5 runs by</source>
        <translation>가장 좋은 실행 5개 비교 기준</translation>
    </message>
    <message>
        <source>Compare the best 10 runs by</source>
        <translation>가장 좋은 실행 10개 비교 기준</translation>
    </message>
    <message>
        <source>Details of the sweep</source>
        <translation>스윕 세부 정보</translation>
    </message>
    <message>
        <source>No runs yet. Choose a script on the Project page and press Run (Ctrl+R): every run shows here as it starts, with a chart for each value it logs.</source>
        <translation>아직 실행이 없습니다. 프로젝트 페이지에서 스크립트를 고르고 실행(Ctrl+R)을 누르세요. 실행은 시작하는 즉시 여기에 나타나고, 기록하는 값마다 차트가 생깁니다.</translation>
    </message>
    <message>
        <source>No run matches the filter and the script chosen above.</source>
        <translation>위에서 고른 필터와 스크립트에 맞는 실행이 없습니다.</translation>
    </message>
</context>
<context>
    <name>RunDetails</name>
    <message>
        <source>There is no run %1 in this project.</source>
        <translation>이 프로젝트에는 실행 %1이(가) 없습니다.</translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>복원…</translation>
    </message>
    <message>
        <source>Rerun</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>다른 실행과 비교…</translation>
    </message>
    <message>
        <source>Hidden from the dashboard</source>
        <translation>대시보드에서 숨김</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Choose a run in the dashboard or the job panel.</source>
        <translation>대시보드나 작업 패널에서 실행을 선택하세요.</translation>
    </message>
    <message>
        <source>Copy the files the run wrote to ./outputs (the selected ones, if several are selected) into a folder</source>
        <translation>실행이 ./outputs에 쓴 파일(여러 개를 선택했으면 선택한 파일)을 폴더로 복사합니다</translation>
    </message>
    <message>
        <source>Put the project&apos;s code back as it was for this run</source>
        <translation>프로젝트 코드를 이 실행 당시의 상태로 되돌립니다</translation>
    </message>
    <message>
        <source>Download the outputs of run %1</source>
        <translation>실행 %1의 출력 파일 다운로드</translation>
    </message>
    <message>
        <source>Compare run %1 with…</source>
        <translation>실행 %1과(와) 비교…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Find in the log (Enter: next)</source>
        <translation>로그에서 찾기(Enter: 다음)</translation>
    </message>
    <message>
        <source>a name for this run</source>
        <translation>이 실행의 이름</translation>
    </message>
    <message>
        <source>what this run tried</source>
        <translation>이 실행에서 시도한 것</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>태그, 쉼표로 구분</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>출력 파일</translation>
    </message>
    <message>
        <source>Driver log</source>
        <translation>드라이버 로그</translation>
    </message>
    <message>
        <source>Loading run %1…</source>
        <translation>실행 %1 불러오는 중…</translation>
    </message>
    <message>
        <source>Run %1 — %2 (%3)</source>
        <translation>실행 %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>The run wrote no files to ./outputs.</source>
        <translation>이 실행은 ./outputs에 파일을 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Choose a file to preview it.</source>
        <translation>미리 볼 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>실행 ID</translation>
    </message>
    <message>
        <source>Run number</source>
        <translation>실행 번호</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료 시각</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>종료 코드</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>스냅숏</translation>
    </message>
    <message>
        <source>Git commit</source>
        <translation>Git 커밋</translation>
    </message>
    <message>
        <source> (with uncommitted changes)</source>
        <translation> (커밋하지 않은 변경 있음)</translation>
    </message>
    <message>
        <source>Left out of the snapshot</source>
        <translation>스냅숏에서 제외됨</translation>
    </message>
    <message>
        <source>Malformed metric lines skipped</source>
        <translation>건너뛴 잘못된 메트릭 줄</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>승격됨</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Logged values</source>
        <translation>기록된 값</translation>
    </message>
    <message>
        <source>No values were logged.</source>
        <translation>기록된 값이 없습니다.</translation>
    </message>
    <message>
        <source>   (last of %1; min %2, max %3, mean %4)</source>
        <translation>   (%1개 중 마지막, 최소 %2, 최대 %3, 평균 %4)</translation>
    </message>
    <message>
        <source>No value of this run was logged more than once.</source>
        <translation>이 실행은 어떤 값도 두 번 이상 기록하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is missing from the run&apos;s folder (deleted or moved since the run).</source>
        <translation>%1이(가) 실행 폴더에 없습니다(실행 후 삭제되었거나 옮겨짐).</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>이 이미지를 표시할 수 없습니다.</translation>
    </message>
    <message>
        <source>No preview for %1: double-click to open it with the system&apos;s application.</source>
        <translation>%1은(는) 미리 볼 수 없습니다. 두 번 클릭하면 시스템 응용 프로그램으로 엽니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) copied to %1.</source>
        <translation>
            <numerusform>파일 %n개를 %1(으)로 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Comparing the project with the snapshot of run %1…</source>
        <translation>프로젝트를 실행 %1의 스냅숏과 비교하는 중…</translation>
    </message>
    <message>
        <source>Run %1 cannot be restored: %2</source>
        <translation>실행 %1을(를) 복원할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The project&apos;s files already match run %1.</source>
        <translation>프로젝트 파일이 이미 실행 %1과(와) 같습니다.</translation>
    </message>
    <message>
        <source>   (changed since the last snapshot)</source>
        <translation>   (마지막 스냅숏 이후 변경됨)</translation>
    </message>
    <message>
        <source>overwrite</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <source>create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Restore run %1</source>
        <translation>실행 %1 복원</translation>
    </message>
    <message>
        <source>Restore the project&apos;s code to run %1?</source>
        <translation>프로젝트 코드를 실행 %1(으)로 복원할까요?</translation>
    </message>
    <message>
        <source>Some files changed since the last snapshot. </source>
        <translation>일부 파일이 마지막 스냅숏 이후 변경되었습니다. </translation>
    </message>
    <message>
        <source>The current state is kept first: Edit → Undo last restore puts it back.</source>
        <translation>현재 상태를 먼저 보관합니다. 편집 → 마지막 복원 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>The project now has the code of run %1. Edit → Undo last restore puts it back.</source>
        <translation>이제 프로젝트에 실행 %1의 코드가 있습니다. 편집 → 마지막 복원 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Run %1 was not restored: %2</source>
        <translation>실행 %1을(를) 복원하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1  → %2 (link)</source>
        <translation>%1  → %2 (링크)</translation>
    </message>
    <message>
        <source>The run left a link to %1 here. Runbench records the link and never follows it: what it points to is not part of the run.</source>
        <translation>실행이 여기에 %1(으)로 가는 링크를 남겼습니다. Runbench는 링크만 기록하고 따라가지 않습니다. 링크가 가리키는 것은 실행의 일부가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Not saved: no run history is open.</source>
        <translation>저장하지 않음: 열린 실행 기록이 없습니다.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Stop the run (on a cluster: cancel its job)</source>
        <translation>실행을 중지합니다(클러스터에서는 작업을 취소합니다)</translation>
    </message>
    <message>
        <source>Canceling run %1…</source>
        <translation>실행 %1을(를) 취소하는 중…</translation>
    </message>
    <message>
        <source>Canceling Slurm job %1…</source>
        <translation>Slurm 작업 %1을(를) 취소하는 중…</translation>
    </message>
    <message>
        <source>Slurm (not submitted)</source>
        <translation>Slurm(제출되지 않음)</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm 작업 %1</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>Parent run</source>
        <translation>상위 실행</translation>
    </message>
    <message>
        <source>Nested in</source>
        <translation>속한 실행</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Child runs</source>
        <translation>하위 실행</translation>
    </message>
    <message>
        <source>%1 (parameter)</source>
        <translation>%1 (매개변수)</translation>
    </message>
    <message>
        <source>%1 (tag)</source>
        <translation>%1 (태그)</translation>
    </message>
    <message>
        <source>Other runs (numbers or ids, separated by spaces):</source>
        <translation>다른 실행(번호 또는 ID, 공백으로 구분):</translation>
    </message>
    <message>
        <source>No value of this run was logged more than once yet: charts appear here as the run logs them.</source>
        <translation>이 실행은 아직 두 번 이상 기록한 값이 없습니다. 실행이 값을 기록하면 여기에 차트가 나타납니다.</translation>
    </message>
</context>
<context>
    <name>RunFilter</name>
    <message>
        <source>A quote opened at character %1 is not closed.</source>
        <translation>%1번째 문자에서 연 따옴표가 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>“%1” at character %2 needs a name before it.</source>
        <translation>%2번째 문자의 “%1” 앞에 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>“%1:” at character %2 needs a value after it.</source>
        <translation>%2번째 문자의 “%1:” 뒤에 값이 있어야 합니다.</translation>
    </message>
    <message>
        <source>“%1” is not a status; use Completed, Failed, Canceled, Running, Queued or Lost.</source>
        <translation>“%1”은(는) 상태가 아닙니다. Completed, Failed, Canceled, Running, Queued 또는 Lost를 사용하세요.</translation>
    </message>
    <message>
        <source>“%1:” is not a filter; use status:, script:, name: or tag:.</source>
        <translation>“%1:”은(는) 필터가 아닙니다. status:, script:, name: 또는 tag:를 사용하세요.</translation>
    </message>
    <message>
        <source>“%1” at character %2 is not a comparison; use &lt;, &lt;=, &gt;, &gt;=, = or !=.</source>
        <translation>%2번째 문자의 “%1”은(는) 비교 연산자가 아닙니다. &lt;, &lt;=, &gt;, &gt;=, = 또는 !=를 사용하세요.</translation>
    </message>
    <message>
        <source>“%1” at character %2 needs a value after it.</source>
        <translation>%2번째 문자의 “%1” 뒤에 값이 있어야 합니다.</translation>
    </message>
    <message>
        <source>No run logged “%1”; the logged values are: %2.</source>
        <translation>“%1”을(를) 기록한 실행이 없습니다. 기록된 값: %2.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>“%1” is not a number to compare %2 with.</source>
        <translation>“%1”은(는) %2과(와) 비교할 수 있는 숫자가 아닙니다.</translation>
    </message>
</context>
<context>
    <name>RunJob</name>
    <message>
        <source>The script %1 does not exist in the project %2.</source>
        <translation>프로젝트 %2에 스크립트 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The script %1 is outside the project %2: only the project&apos;s own files are tracked.</source>
        <translation>스크립트 %1이(가) 프로젝트 %2 밖에 있습니다. 프로젝트 안의 파일만 추적됩니다.</translation>
    </message>
    <message>
        <source>Runbench does not know how to run %1: give files ending in “.%2” an interpreter in the [interpreters] group of %3, or make the script executable.</source>
        <translation>Runbench가 %1을(를) 실행하는 방법을 모릅니다. %3의 [interpreters] 그룹에 “.%2” 파일의 인터프리터를 지정하거나 스크립트에 실행 권한을 주세요.</translation>
    </message>
    <message>
        <source>The interpreter “%1” for %2 was not found. Install it, or set interpreters/%3 in %4.</source>
        <translation>%2의 인터프리터 “%1”을(를) 찾을 수 없습니다. 설치하거나 %4에서 interpreters/%3을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>Cannot create the run folder %1.</source>
        <translation>실행 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Canceled before it started.</source>
        <translation>시작하기 전에 취소되었습니다.</translation>
    </message>
    <message>
        <source>The run&apos;s snapshot could not be recorded: %1</source>
        <translation>실행의 스냅숏을 기록할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>runbench-launch, which starts every script, was not found next to %1. Reinstall Runbench.</source>
        <translation>모든 스크립트를 시작하는 runbench-launch를 %1 옆에서 찾을 수 없습니다. Runbench를 다시 설치하세요.</translation>
    </message>
    <message>
        <source>The script exited with code %1.</source>
        <translation>스크립트가 코드 %1(으)로 종료되었습니다.</translation>
    </message>
    <message>
        <source>The script was stopped by %1.</source>
        <translation>스크립트가 %1에 의해 중지되었습니다.</translation>
    </message>
    <message>
        <source>Could not start “%1”: %2</source>
        <translation>“%1”을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Canceled by the user.</source>
        <translation>사용자가 취소했습니다.</translation>
    </message>
    <message>
        <source>The run&apos;s process was killed; its exit status is unknown.</source>
        <translation>실행의 프로세스가 강제 종료되어 종료 상태를 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Every logged value is still in %1.</source>
        <translation>기록된 모든 값은 %1에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The end of the run could not be recorded: %1</source>
        <translation>실행의 종료를 기록할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot write the driver log: %1</source>
        <translation>드라이버 로그를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>“%1” is not a target Runbench knows; use one of: %2.</source>
        <translation>“%1”은(는) Runbench가 아는 실행 대상이 아닙니다. 다음 중 하나를 쓰세요: %2.</translation>
    </message>
    <message>
        <source>The project runs scripts on a Slurm cluster, but sbatch was not found. Install Slurm&apos;s client commands (Debian package slurm-client), or choose the Local target in Project settings.</source>
        <translation>이 프로젝트는 스크립트를 Slurm 클러스터에서 실행하지만 sbatch를 찾을 수 없습니다. Slurm 클라이언트 명령(데비안 패키지 slurm-client)을 설치하거나, 프로젝트 설정에서 이 컴퓨터를 실행 대상으로 고르세요.</translation>
    </message>
    <message>
        <source>Cannot write the batch script %1: %2</source>
        <translation>배치 스크립트 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>sbatch could not be started (%1). Install Slurm&apos;s client commands (Debian package slurm-client), or choose the Local target in Project settings.</source>
        <translation>sbatch를 시작할 수 없습니다(%1). Slurm 클라이언트 명령(데비안 패키지 slurm-client)을 설치하거나, 프로젝트 설정에서 이 컴퓨터를 실행 대상으로 고르세요.</translation>
    </message>
    <message>
        <source>Slurm did not accept the job: %1</source>
        <translation>Slurm이 작업을 받아들이지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Cancel failed: %1</source>
        <translation>취소하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Slurm job %1 ended (%2) before the script started%3. Its set-up lines failed, or the node could not start runbench-launch or write to the run folder %4: the project folder must be on a file system the cluster&apos;s nodes see. The job&apos;s own messages are in driver_log.txt.</source>
        <translation>Slurm 작업 %1이(가) 스크립트가%3 시작되기 전에 끝났습니다(%2). 준비 명령이 실패했거나, 노드가 runbench-launch를 시작하지 못했거나 실행 폴더 %4에 쓸 수 없었습니다. 프로젝트 폴더는 클러스터 노드가 볼 수 있는 파일 시스템에 있어야 합니다. 작업이 남긴 메시지는 driver_log.txt에 있습니다.</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> %1에서</translation>
    </message>
    <message>
        <source>[runbench] What MLflow logged could not all be imported: %1</source>
        <translation>[runbench] MLflow가 기록한 내용을 모두 가져오지는 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>RunModel</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>실행 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm 작업 %1</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>준비 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>유실됨</translation>
    </message>
</context>
<context>
    <name>RunStore</name>
    <message>
        <source>The project could not be recorded in the run history.</source>
        <translation>프로젝트를 실행 기록에 기록할 수 없습니다.</translation>
    </message>
    <message>
        <source>No project is selected in the run history.</source>
        <translation>실행 기록에서 선택된 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>%1 already has runs of this project; a history is exported only into one without them.</source>
        <translation>%1에는 이미 이 프로젝트의 실행이 있습니다. 실행 기록은 이 프로젝트의 실행이 없는 곳으로만 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>The export is incomplete: %1 has %2 rows of %3 here and %4 there.</source>
        <translation>내보내기가 완전하지 않습니다. %3 테이블의 행이 여기에는 %2개, %1에는 %4개입니다.</translation>
    </message>
    <message>
        <source>No heartbeat from %1 since %2: the machine that ran it is down, or cannot reach the history. It reads as running again once that machine opens the project.</source>
        <translation>%2 이후 %1에서 하트비트가 없습니다. 실행한 컴퓨터가 꺼졌거나 실행 기록에 닿을 수 없습니다. 그 컴퓨터가 프로젝트를 열면 다시 실행 중으로 보입니다.</translation>
    </message>
    <message>
        <source>its host</source>
        <translation>실행한 컴퓨터</translation>
    </message>
    <message>
        <source>The run %1 is not in the history.</source>
        <translation>실행 %1이(가) 실행 기록에 없습니다.</translation>
    </message>
    <message>
        <source>Nobody has watched cluster job %1 since %2. Opening the project, or “runbench history list”, asks the scheduler about it again.</source>
        <translation>%2 이후로 클러스터 작업 %1을(를) 지켜보는 곳이 없습니다. 프로젝트를 열거나 “runbench history list”를 실행하면 스케줄러에 다시 물어봅니다.</translation>
    </message>
</context>
<context>
    <name>SampleProject</name>
    <message>
        <source>Cannot copy the sample project to %1.</source>
        <translation>샘플 프로젝트를 %1(으)로 복사할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>Slurm</name>
    <message>
        <source>runbench-launch, which starts every script, cannot be read at %1. Reinstall Runbench.</source>
        <translation>모든 스크립트를 시작하는 runbench-launch를 %1에서 읽을 수 없습니다. Runbench를 다시 설치하세요.</translation>
    </message>
    <message>
        <source>Cannot copy runbench-launch to %1, where the cluster&apos;s nodes start it.</source>
        <translation>클러스터 노드가 runbench-launch를 시작하는 위치인 %1(으)로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Slurm job %1 failed with exit code %2 before the script ended.</source>
        <translation>Slurm 작업 %1이(가) 스크립트가 끝나기 전에 종료 코드 %2(으)로 실패했습니다.</translation>
    </message>
    <message>
        <source>Slurm job %1 was canceled.</source>
        <translation>Slurm 작업 %1이(가) 취소되었습니다.</translation>
    </message>
    <message>
        <source>Slurm stopped job %1 at its time limit (%2).</source>
        <translation>Slurm이 시간 제한에 걸린 작업 %1을(를) 중지했습니다(%2).</translation>
    </message>
    <message>
        <source>Slurm stopped job %1: it ran out of memory (OUT_OF_MEMORY).</source>
        <translation>Slurm이 작업 %1을(를) 중지했습니다: 메모리가 부족했습니다(OUT_OF_MEMORY).</translation>
    </message>
    <message>
        <source>The node of Slurm job %1 failed (%2); the script&apos;s end is unknown.</source>
        <translation>Slurm 작업 %1의 노드에 장애가 났습니다(%2). 스크립트가 어떻게 끝났는지 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Slurm ended job %1 as %2.</source>
        <translation>Slurm이 작업 %1을(를) %2(으)로 끝냈습니다.</translation>
    </message>
    <message>
        <source>Slurm&apos;s reason: %1.</source>
        <translation>Slurm이 밝힌 이유: %1.</translation>
    </message>
    <message>
        <source>Slurm no longer knows job %1, and its script left no exit status: it never started, or its node could not write to the run folder.</source>
        <translation>Slurm이 더 이상 작업 %1을(를) 알지 못하고, 스크립트도 종료 상태를 남기지 않았습니다. 시작되지 않았거나, 노드가 실행 폴더에 쓸 수 없었습니다.</translation>
    </message>
    <message>
        <source>runbench-launch, which starts every script, was not found. Reinstall Runbench.</source>
        <translation>모든 스크립트를 시작하는 runbench-launch를 찾을 수 없습니다. Runbench를 다시 설치하세요.</translation>
    </message>
    <message>
        <source>%1 could not be started (%2).</source>
        <translation>%1을(를) 시작할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>%1 exited with code %2.</source>
        <translation>%1이(가) 코드 %2(으)로 끝났습니다.</translation>
    </message>
</context>
<context>
    <name>SlurmMonitor</name>
    <message>
        <source>The Slurm scheduler does not answer: %1 gave no reply within %2 seconds.</source>
        <translation>Slurm 스케줄러가 응답하지 않습니다: %1이(가) %2초 안에 답하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 was not found: install Slurm&apos;s client commands (Debian package slurm-client), or choose the Local target in Project settings.</source>
        <translation>%1을(를) 찾을 수 없습니다. Slurm 클라이언트 명령(데비안 패키지 slurm-client)을 설치하거나, 프로젝트 설정에서 이 컴퓨터를 실행 대상으로 고르세요.</translation>
    </message>
    <message>
        <source>The Slurm scheduler did not answer: %1</source>
        <translation>Slurm 스케줄러가 응답하지 않았습니다: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotStore</name>
    <message>
        <source>The snapshot holds the path “%1”, which would be written outside the folder or into a protected one; nothing was written.</source>
        <translation>스냅숏에 있는 경로 “%1”은(는) 폴더 밖이나 보호된 폴더에 쓰이게 됩니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link: restoring %2 through it could write outside the project; nothing was written.</source>
        <translation>%1은(는) 심볼릭 링크이므로 이를 거쳐 %2을(를) 복원하면 프로젝트 밖에 쓸 수 있습니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is a file where the snapshot has a folder; nothing was written.</source>
        <translation>스냅숏에서는 폴더인 %1이(가) 파일입니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>The snapshot has no file %1.</source>
        <translation>스냅숏에 %1 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder where the snapshot has a file; nothing was written.</source>
        <translation>스냅숏에서는 파일인 %1이(가) 폴더입니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s object for %1 is missing: %2</source>
        <translation>스냅숏에 %1의 개체가 없습니다: %2</translation>
    </message>
    <message>
        <source>The snapshot&apos;s link %1 points to %2, outside the folder; nothing was written.</source>
        <translation>스냅숏의 링크 %1이(가) 폴더 밖의 %2을(를) 가리킵니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>The path “%1” leaves the folder; nothing was written.</source>
        <translation>경로 “%1”이(가) 폴더 밖을 가리킵니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1을(를) 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>%1의 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create the link %1.</source>
        <translation>링크 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The snapshot %1 is not in the snapshots repository.</source>
        <translation>스냅숏 %1이(가) 스냅숏 저장소에 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>These files changed since the last snapshot and would be overwritten or deleted: %1. Restore with force to do it anyway (the current state is kept as a restore point).</source>
        <translation>다음 파일은 마지막 스냅숏 이후 변경되었으며 덮어쓰거나 삭제됩니다: %1. 그래도 하려면 강제로 복원하세요(현재 상태는 복원 지점으로 보관됩니다).</translation>
    </message>
    <message>
        <source>Cannot save a restore point: %1</source>
        <translation>복원 지점을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>There is no restore to undo.</source>
        <translation>취소할 복원이 없습니다.</translation>
    </message>
    <message>
        <source>The restore point %1 is damaged.</source>
        <translation>복원 지점 %1이(가) 손상되었습니다.</translation>
    </message>
    <message>
        <source>The snapshots repository %1 cannot be opened: %2</source>
        <translation>스냅숏 저장소 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The project folder cannot be used as a work tree: %1</source>
        <translation>프로젝트 폴더를 작업 트리로 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot write the snapshot ignore list.</source>
        <translation>스냅숏 제외 목록을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read the snapshot index: %1</source>
        <translation>스냅숏 인덱스를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s files: %1</source>
        <translation>프로젝트 파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot write the snapshot tree: %1</source>
        <translation>스냅숏 트리를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot save the snapshot index: %1</source>
        <translation>스냅숏 인덱스를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot record the snapshot of run %1: %2</source>
        <translation>실행 %1의 스냅숏을 기록할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>SqliteReader</name>
    <message>
        <source>The run history is not open.</source>
        <translation>실행 기록이 열려 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>StoreConnection</name>
    <message>
        <source>Cannot open the run history %1: %2</source>
        <translation>실행 기록 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The run history %1 cannot be read (%2). It may be damaged.</source>
        <translation>실행 기록 %1을(를) 읽을 수 없습니다(%2). 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Runbench cannot reach PostgreSQL: the Qt PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Runbench가 PostgreSQL에 연결할 수 없습니다. Qt PostgreSQL 드라이버(QPSQL)가 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Could not write the backup %1.</source>
        <translation>백업 %1을(를) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not move the damaged run history %1 aside.</source>
        <translation>손상된 실행 기록 %1을(를) 옆으로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not copy the backup %1 to %2.</source>
        <translation>백업 %1을(를) %2(으)로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>The run history %1 could not be written: the disk may be full or a file size limit was reached (%2).</source>
        <translation>실행 기록 %1에 쓸 수 없습니다. 디스크가 가득 찼거나 파일 크기 제한에 도달했을 수 있습니다(%2).</translation>
    </message>
    <message>
        <source>The run history %1 is damaged (%2).</source>
        <translation>실행 기록 %1이(가) 손상되었습니다(%2).</translation>
    </message>
    <message>
        <source>The run history could not be updated: %1</source>
        <translation>실행 기록을 갱신할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The run history %1 cannot be read: %2</source>
        <translation>실행 기록 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The run history %1 was written by a newer Runbench (schema %2; this version reads up to %3). Update Runbench to open it.</source>
        <translation>실행 기록 %1은(는) 더 새로운 Runbench가 썼습니다(스키마 %2, 이 버전은 %3까지 읽음). 열려면 Runbench를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Could not copy the run history to %1 before upgrading it: %2</source>
        <translation>업그레이드하기 전에 실행 기록을 %1(으)로 복사할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Upgrading the run history to schema %1 failed: %2</source>
        <translation>실행 기록을 스키마 %1(으)로 업그레이드하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The SQLite library here is version %1; Runbench needs 3.35 or newer (it uses RETURNING). Install a newer libsqlite3, or keep the history on a PostgreSQL server.</source>
        <translation>이 컴퓨터의 SQLite 라이브러리는 %1 버전입니다. Runbench에는 3.35 이상이 필요합니다(RETURNING을 씁니다). 더 새 libsqlite3을 설치하거나 실행 기록을 PostgreSQL 서버에 두세요.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>The run history %1 is held by another program for more than %2 seconds (%3).</source>
        <translation>다른 프로그램이 실행 기록 %1을(를) %2초 넘게 잡고 있습니다(%3).</translation>
    </message>
    <message>
        <source>The run history %1 is being created by another program for more than %2 seconds.</source>
        <translation>다른 프로그램이 실행 기록 %1을(를) %2초 넘게 만들고 있습니다.</translation>
    </message>
    <message>
        <source>The run history %1 cannot be read (%2).</source>
        <translation>실행 기록 %1을(를) 읽을 수 없습니다(%2).</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>Sweep %1</source>
        <translation>%1 스윕</translation>
    </message>
    <message>
        <source>e.g. {0.078125..10:8:log} or --lr {0.01,0.1} --layers {1..3}</source>
        <translation>예: {0.078125..10:8:log} 또는 --lr {0.01,0.1} --layers {1..3}</translation>
    </message>
    <message>
        <source>{0.01,0.1,1} a list, {1..5} integers, {0.001..1:7} 7 values evenly spaced, {0.001..1:7:log} 7 values on a log scale; several sets make a grid. \{ is a brace of the argument itself.</source>
        <translation>{0.01,0.1,1} 목록, {1..5} 정수, {0.001..1:7} 고르게 나눈 값 7개, {0.001..1:7:log} 로그 눈금으로 나눈 값 7개. 집합이 여럿이면 모든 조합을 만듭니다. \{ 는 인수에 들어가는 중괄호입니다.</translation>
    </message>
    <message>
        <source>every combination</source>
        <translation>모든 조합</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Random draws</source>
        <translation>무작위 추출</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Repeat each</source>
        <translation>조합마다 반복</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>동시 실행</translation>
    </message>
    <message>
        <source>%1 runs: %2 combinations, %3 times each.</source>
        <translation>실행 %1개: 조합 %2개, 각각 %3번.</translation>
    </message>
    <message>
        <source>%1 runs.</source>
        <translation>실행 %1개.</translation>
    </message>
    <message>
        <source>Start %1 runs</source>
        <translation>실행 %1개 시작</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 그리고 %1개 더</translation>
    </message>
</context>
<context>
    <name>SweepGroupModel</name>
    <message>
        <source>%1 ± %2 (best %3)</source>
        <translation>%1 ± %2 (최고 %3)</translation>
    </message>
    <message>
        <source>Across %1 runs: best %2 (%3 is better), mean %4, standard deviation %5</source>
        <translation>실행 %1개: 최고 %2(%3 값이 좋음), 평균 %4, 표준편차 %5</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>낮은</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>높은</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>%1 runs with the same arguments</source>
        <translation>인수가 같은 실행 %1개</translation>
    </message>
</context>
<context>
    <name>SweepSpec</name>
    <message>
        <source>{%1}: the ends of a range must be numbers.</source>
        <translation>{%1}: 범위의 양 끝은 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>{%1}: a range without a count is of integers ({1..5}); for other numbers give how many values ({0.001..1:7}).</source>
        <translation>{%1}: 개수가 없는 범위는 정수 범위입니다({1..5}). 다른 숫자에는 값의 개수를 주십시오({0.001..1:7}).</translation>
    </message>
    <message>
        <source>{%1}: more than %2 values.</source>
        <translation>{%1}: 값이 %2개보다 많습니다.</translation>
    </message>
    <message>
        <source>{%1}: the count of values must be between 2 and %2.</source>
        <translation>{%1}: 값의 개수는 2에서 %2 사이여야 합니다.</translation>
    </message>
    <message>
        <source>{%1}: a log range needs two positive ends.</source>
        <translation>{%1}: 로그 범위에는 양 끝이 모두 양수여야 합니다.</translation>
    </message>
    <message>
        <source>{%1} is not a range: write {1..5}, {0.001..1:7} or {0.001..1:7:log}.</source>
        <translation>{%1}은(는) 범위가 아닙니다: {1..5}, {0.001..1:7}, {0.001..1:7:log}처럼 쓰십시오.</translation>
    </message>
    <message>
        <source>Repeat and random take a positive number.</source>
        <translation>반복 횟수와 무작위 개수는 양수여야 합니다.</translation>
    </message>
    <message>
        <source>Random %1 of %2 combinations: there are not that many.</source>
        <translation>조합 %2개 중 무작위 %1개: 조합이 그만큼 많지 않습니다.</translation>
    </message>
    <message>
        <source>The grid has more than %1 combinations: choose fewer values, or draw some at random.</source>
        <translation>격자의 조합이 %1개보다 많습니다: 값을 줄이거나 일부를 무작위로 뽑으십시오.</translation>
    </message>
    <message>
        <source>%1 combinations × %2 repeats is more than %3 runs.</source>
        <translation>조합 %1개 × 반복 %2번은 실행 %3개보다 많습니다.</translation>
    </message>
    <message>
        <source>“%1”: a “{” is not closed (write \{ for a brace of the argument itself).</source>
        <translation>“%1”: “{”가 닫히지 않았습니다(인수 자체의 중괄호는 \{로 쓰십시오).</translation>
    </message>
    <message>
        <source>%1 of %2 runs completed</source>
        <translation>실행 %2개 중 %1개 완료</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1개 실패</translation>
    </message>
    <message>
        <source>, %1 canceled</source>
        <translation>, %1개 취소</translation>
    </message>
    <message>
        <source>, %1 not started</source>
        <translation>, %1개 시작 안 함</translation>
    </message>
</context>
<context>
    <name>WorkingFolder</name>
    <message>
        <source>Cannot link %1 into the run&apos;s working folder: %2</source>
        <translation>%1을(를) 실행의 작업 폴더에 연결할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opens the Runbench workbench on PROJECT (default: the last project, or the bundled sample on first start).</source>
        <translation>PROJECT로 Runbench 워크벤치를 엽니다(기본값: 마지막 프로젝트, 처음 시작할 때는 포함된 샘플).</translation>
    </message>
    <message>
        <source>A project folder.</source>
        <translation>프로젝트 폴더.</translation>
    </message>
    <message>
        <source>Open the details of RUN (run id or number).</source>
        <translation>RUN(실행 ID 또는 번호)의 세부 정보를 엽니다.</translation>
    </message>
</context>
</TS>
