package main

import (
	"runtime"
	"sync"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

// loadHomes reads and resolves the homes concurrently, at most one per CPU, and
// returns them in command-line order. The first error in command-line order wins,
// so the message does not depend on scheduling.
func loadHomes(dirs []string, opt parse.Options) ([]*model.Home, error) {
	return loadHomesWith(dirs, opt, 0)
}

// loadHomesWith is loadHomes with at most workers homes read at once; 0 means
// one per CPU (GOMAXPROCS). Tests use it to compare schedules.
func loadHomesWith(dirs []string, opt parse.Options, workers int) ([]*model.Home, error) {
	homes := make([]*model.Home, len(dirs))
	errs := make([]error, len(dirs))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(dirs) {
		workers = len(dirs)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				h, err := parse.Home(dirs[i], opt)
				if err == nil {
					catalog.Resolve(h)
				}
				homes[i], errs[i] = h, err
			}
		}()
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return homes, nil
}
