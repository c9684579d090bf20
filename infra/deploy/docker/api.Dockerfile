# The production API: the executable jar `./mvnw package` builds (api/target/eldercare-api.jar), no Flink, no
# embedded stack. Build from the repository root:
#   docker build -f infra/deploy/docker/api.Dockerfile -t eldercare/api:0.1.0-SNAPSHOT .
# JRE 21: the build compiles with release 21 (root pom maven.compiler.release).
FROM eclipse-temurin:21-jre

# A numeric non-root user, so Kubernetes runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 eldercare && useradd --system --uid 10001 --gid 10001 --home-dir /app eldercare
WORKDIR /app
COPY api/target/eldercare-api.jar /app/eldercare-api.jar
USER 10001

EXPOSE 8080
# Production mode: no profile. Kafka, Elasticsearch, tokens and the HMAC key come from the environment
# (ELDERCARE_KAFKA_BOOTSTRAPSERVERS, ELDERCARE_ELASTICSEARCH_URL, ELDERCARE_SECURITY_*); the app refuses to start
# with the demo tokens or the default key.
# The whole heap from the start: grown on demand, G1 kept the heap near the live set and paused for a
# concurrent cycle every few seconds, the tail of every request.
ENV JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/eldercare-api.jar"]
