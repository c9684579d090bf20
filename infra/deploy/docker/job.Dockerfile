# The streaming job for a real Flink cluster in application mode: the job jar streaming builds (classifier "job",
# Flink itself left out) in /opt/flink/usrlib, where `standalone-job` and the Flink Kubernetes Operator look.
# Build from the repository root after `./mvnw package`:
#   docker build -f infra/deploy/docker/job.Dockerfile -t eldercare/job:0.1.0-SNAPSHOT .
# Flink 2.2.0 (root pom flink.version) on Java 21 (maven.compiler.release).
FROM flink:2.2.0-java21

COPY --chown=flink:flink streaming/target/eldercare-streaming-0.1.0-SNAPSHOT-job.jar /opt/flink/usrlib/eldercare-streaming-job.jar
# Checkpoints, savepoints and HA data (compose mounts a volume here; a new volume takes this owner).
RUN mkdir -p /flink-data && chown flink:flink /flink-data
