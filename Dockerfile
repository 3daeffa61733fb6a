# Build a static binary with the Go toolchain, then run it as non-root in a
# minimal image that holds nothing else. .ci/run builds with the same flags.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/storybot ./cmd/storybot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/storybot /usr/local/bin/storybot
USER nonroot:nonroot
EXPOSE 8080
# The image has no shell or curl, so the binary checks itself. It asks
# 127.0.0.1:8080, so the config must listen on 0.0.0.0:8080 (or :8080).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/storybot", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["/usr/local/bin/storybot"]
CMD ["serve", "--config", "/etc/storybot/config.yaml"]
