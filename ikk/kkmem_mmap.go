//go:build linux || darwin || freebsd

package ikk

import "syscall"

// Tables of 64 KiB or more are mapped outside the Go heap; smaller ones are
// not worth a system call.
const kkMapMin = 64 << 10

func allocSlots(n int) ([]byte, bool) {
	if n >= kkMapMin {
		if b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE); err == nil {
			return b, true
		}
	}
	return make([]byte, n), false
}

func freeSlots(b []byte) { _ = syscall.Munmap(b) }
