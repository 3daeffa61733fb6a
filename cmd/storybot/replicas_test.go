package main

import (
	"strings"
	"testing"
)

func TestReplicaConfigErrorsNameTheKey(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, yaml, want string }{
		{"not a redis url", "redis:\n  url: http://127.0.0.1:6379\n", "redis.url"},
		{"password in the url", "redis:\n  url: redis://:hunter2@127.0.0.1:6379/0\n", "redis.url: must not hold the password"},
		{"shards neither auto nor empty", "discord:\n  shards: many\n", "discord.shards"},
		{"auto with a count", "discord:\n  shards: auto\n  shard_count: 4\n", "discord.shard_count"},
		{"id beyond the count", "discord:\n  shard_id: 2\n  shard_count: 2\n", "discord.shard_id"},
		{"id without a count", "discord:\n  shard_id: 1\n", "discord.shard_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseConfig(strings.NewReader(tt.yaml), func(string) string { return "" })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one about %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error quotes the password: %v", err)
			}
		})
	}
	for _, ok := range []string{
		"redis:\n  url: rediss://cache.internal:6380/2\n  password: ${P}\n",
		"discord:\n  shards: auto\n  shard_id: 3\n",
		"discord:\n  shard_id: 1\n  shard_count: 2\n",
	} {
		if _, err := ParseConfig(strings.NewReader(ok), func(string) string { return "pw" }); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
}

func TestExampleConfigDocumentsRedisDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig("../../config.example.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Redis != DefaultConfig().Redis {
		t.Errorf("example redis = %+v, default %+v", cfg.Redis, DefaultConfig().Redis)
	}
}
