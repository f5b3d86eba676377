"""The Java side of the local Neo4j: the JVM check, the jars from Maven, the class archive.

Why separate from ``local.py``: this is everything that depends on the machine's Java and
Maven rather than on a particular server home, and it is shared by every home (the jars and
the class-data-sharing archive live once in ``WORKBENCH_NEO4J_LIB``).

The class archive (AppCDS, ``-XX:SharedArchiveFile``) holds the server's pre-parsed classes:
with it a start costs about 40 % less CPU (measured: ~15 s -> ~9 s of CPU on 2 cores). The
first server of a jar set dumps it at its clean exit (into its own ``run/``, so two servers
never write one file); ``stop`` then publishes it next to the jars with an atomic rename. A
stale archive (another JDK) is ignored by the JVM, which then starts without it.

Neo4j Browser is not in the server's Maven closure: ``ensure_browser`` copies its one jar
(``org.neo4j.client:neo4j-browser``, the newest 5.x on Maven Central) into ``<lib>/browser``
the first time it is turned on, so a workbench that never uses it never fetches it.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from workbench.errors import Errors, WorkbenchError
from workbench.settings import Settings

__all__ = ["BROWSER_ARTIFACT", "CDS_ARCHIVE", "JVM_FLAGS", "checked_java", "class_archive_flag", "ensure_browser",
           "ensure_jars", "java_major_version", "publish_class_archive"]

# The flags Neo4j's own launcher passes (minus AlwaysPreTouch, which would commit the whole heap).
JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC", "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
)
_STAMP = ".workbench-jars"
CDS_ARCHIVE = "neo4j-classes.jsa"
BROWSER_ARTIFACT = "org.neo4j.client:neo4j-browser:5.24.0"


# --- Java and jars -----------------------------------------------------------------------------

def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home, "bin", "java") if java_home else None
    found = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if not found:
        raise WorkbenchError(Errors.W100)
    return found


def java_major_version(version_output: str) -> int | None:
    """The major version in ``java -version`` output (``1.8`` counts as 8).

    >>> java_major_version('openjdk version "17.0.15" 2025-04-15')
    17
    >>> java_major_version('java version "1.8.0_402"')
    8
    """
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def checked_java() -> str:
    java = _java()
    output = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    major = java_major_version(output)
    if major is None or major < 17:
        raise WorkbenchError(Errors.W101.format(found=major or "of unknown version"))
    return java


def ensure_jars(settings: Settings) -> Path:
    """Copy the Neo4j jars from Maven into ``settings.lib_dir`` once per version of the pom."""
    lib, pom = settings.lib_dir, settings.pom_file
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    stamp = lib / _STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise WorkbenchError(Errors.W102.format(pom=pom))
    lib.mkdir(parents=True, exist_ok=True)
    for old in [*lib.glob("*.jar"), lib / CDS_ARCHIVE]:
        old.unlink(missing_ok=True)  # a changed pom must not leave two Neo4j versions on the classpath
    # outputDirectory must be absolute: Maven resolves a relative one against the pom's folder.
    command = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
               "-DincludeScope=runtime", f"-DoutputDirectory={lib}"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [ln for ln in re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr).splitlines() if ln.strip()]
        raise WorkbenchError(Errors.W103.format(pom=pom, detail=lines[0] if lines else f"exit code {done.returncode}"))
    stamp.write_text(digest + "\n", encoding="utf-8")
    return lib


def ensure_browser(settings: Settings) -> Path:
    """The folder holding the Neo4j Browser jar, fetched with Maven once (see the module doc)."""
    folder = settings.lib_dir / "browser"
    version = BROWSER_ARTIFACT.rsplit(":", 1)[1]
    if (folder / f"neo4j-browser-{version}.jar").is_file():
        return folder
    mvn = shutil.which("mvn")
    if not mvn:
        raise WorkbenchError(Errors.W102.format(pom=BROWSER_ARTIFACT))
    folder.mkdir(parents=True, exist_ok=True)
    command = [mvn, "-q", "-B", "-f", str(settings.pom_file),
               "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy",
               f"-Dartifact={BROWSER_ARTIFACT}", f"-DoutputDirectory={folder}"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (folder / f"neo4j-browser-{version}.jar").is_file():
        lines = [ln for ln in re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr).splitlines() if ln.strip()]
        raise WorkbenchError(Errors.W121.format(artifact=BROWSER_ARTIFACT,
                                                detail=lines[0] if lines else f"exit code {done.returncode}"))
    return folder


def class_archive_flag(settings: Settings) -> str:
    """Use the shared class archive, or have this server dump one (under its own run/) at exit."""
    archive = settings.lib_dir / CDS_ARCHIVE
    if archive.is_file():
        return f"-XX:SharedArchiveFile={archive}"
    return f"-XX:ArchiveClassesAtExit={settings.neo4j_home / 'run' / CDS_ARCHIVE}"


def publish_class_archive(settings: Settings) -> None:
    """After a clean stop: publish the dumped archive for every later start (atomically)."""
    dumped, archive = settings.neo4j_home / "run" / CDS_ARCHIVE, settings.lib_dir / CDS_ARCHIVE
    if dumped.is_file() and not archive.exists():
        partial = archive.with_name(f"{CDS_ARCHIVE}.{os.getpid()}.tmp")
        shutil.copyfile(dumped, partial)
        os.replace(partial, archive)
    dumped.unlink(missing_ok=True)
