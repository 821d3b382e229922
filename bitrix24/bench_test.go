package bitrix24_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/internal/fakeportal"
)

// benchConcurrency is the number of robot calls in flight at once.
const benchConcurrency = 200

// BenchmarkRobotCalls drives the application (SQLite store, the default
// workers) with b.N robot calls from 200 concurrent callers against a fake
// portal in the same process, and waits until every call has been answered
// with bizproc.event.send. It reports the answer time of the robot call
// (what the portal waits for) at p50 and p99, and the live heap after a GC
// at a tenth of the calls and at the end: with 100,000 calls the two must
// be alike (memory flat). One iteration is a burst of 200 concurrent calls;
// 500 iterations are 100,000 calls. Run on 2 cores:
//
//	go test -run '^$' -bench RobotCalls -cpu 2 -benchtime 500x ./bitrix24/
func BenchmarkRobotCalls(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "reminder.txt"), []byte(
		"{Здравствуйте|Добрый день}, {{Имя}}! {Ваш заказ|Заказ} №{{Заказ}} {передан в доставку|уже в пути}. "+
			"{Будут вопросы|Если появятся вопросы} — {пишите|напишите нам}, {мы на связи|мы всегда ответим}. "+
			"Подробности: https://shop.example.ru/orders"), 0o644)
	ts, err := bitrix24.LoadTemplates(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	store, err := bitrix24.OpenSQLite(filepath.Join(b.TempDir(), "robot.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	portal := fakeportal.Start()
	defer portal.Close()
	portal.Quiet = true
	srv := httptest.NewUnstartedServer(nil)
	app, err := bitrix24.New(bitrix24.Config{
		Store:     store,
		Templates: ts,
		Public:    "http://" + srv.Listener.Addr().String(),
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		b.Fatal(err)
	}
	srv.Config.Handler = app.Handler()
	srv.Start()
	defer srv.Close()
	defer app.Close(context.Background())

	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 2 * benchConcurrency
	tr.MaxIdleConnsPerHost = benchConcurrency
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	post := func(body string) int {
		resp, err := client.Post(srv.URL+"/robot", "application/x-www-form-urlencoded", strings.NewReader(body))
		if err != nil {
			b.Error(err)
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	q, f := portal.InstallForm()
	if code := post0(client, srv.URL+"/install?"+q.Encode(), f.Encode()); code != 200 {
		b.Fatalf("install: %d", code)
	}
	if code := post0(client, srv.URL+"/event", portal.EventForm("ONAPPINSTALL", portal.AppToken).Encode()); code != 200 {
		b.Fatalf("ONAPPINSTALL: %d", code)
	}
	access, refresh := portal.Tokens()
	props := map[string]any{"template": "reminder", bitrix24.PropertyCode("Имя"): "Анна", bitrix24.PropertyCode("Заказ"): "545134"}

	// Every answer arrives through the portal's channel; count them.
	var sends atomic.Int64
	go func() {
		for range portal.Sends() {
			sends.Add(1)
		}
	}()

	var heapTenth uint64
	lat := make([]time.Duration, 0, b.N*benchConcurrency)
	var latMu sync.Mutex
	bodies := make([]string, benchConcurrency)
	deadline := time.Now().Add(10 * time.Minute) // a bound, not a measure
	var cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for n := range b.N {
		// A burst: 200 calls at once, each answered (2xx) and each answered
		// back through bizproc.event.send before the next burst.
		b.StopTimer()
		for i := range bodies {
			bodies[i] = portal.RobotFormToken(bitrix24.DefaultCode, "DEAL_"+itoa(n*benchConcurrency+i), props, access, refresh).Encode()
		}
		if n == b.N/10 && b.N >= 50 {
			heapTenth = liveHeap()
		}
		b.StartTimer()
		cpu0 := cpuTime()
		want := int64(n+1) * benchConcurrency
		var wg sync.WaitGroup
		for i := range bodies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				start := time.Now()
				code := post(bodies[i])
				d := time.Since(start)
				latMu.Lock()
				lat = append(lat, d)
				latMu.Unlock()
				if code != 200 {
					b.Errorf("status %d", code)
				}
			}()
		}
		wg.Wait()
		for sends.Load() < want {
			if time.Now().After(deadline) {
				b.Fatalf("%d of %d bizproc.event.send calls", sends.Load(), want)
			}
			runtime.Gosched()
			time.Sleep(100 * time.Microsecond)
		}
		cpu += cpuTime() - cpu0
	}
	b.StopTimer()
	app.Close(context.Background()) // the workers count a call after its send returns
	if st := app.Stats(); st.Served != int64(b.N)*benchConcurrency || st.Failed != 0 {
		b.Fatalf("stats %+v, want %d served", st, b.N*benchConcurrency)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchConcurrency), "ns/call")
	// CPU of the whole process (the fake portal and the callers included)
	// per call: what the figures above would be on idle cores.
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*benchConcurrency), "cpu-µs/call")
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	if heapTenth > 0 {
		b.ReportMetric(float64(heapTenth)/(1<<20), "heap@10%-MB")
		b.ReportMetric(float64(liveHeap())/(1<<20), "heap@end-MB")
	}
}

func post0(c *http.Client, u, body string) int {
	resp, err := c.Post(u, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func itoa(i int) string {
	var buf [20]byte
	n := len(buf)
	for {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(buf[n:])
		}
	}
}
