//go:build !unix

package bitrix24_test

import "time"

func cpuTime() time.Duration { return 0 }
