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
ENTRYPOINT ["/usr/local/bin/storybot"]
CMD ["serve", "--config", "/etc/storybot/config.yaml"]
