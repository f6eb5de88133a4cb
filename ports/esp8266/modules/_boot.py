# _boot.py: the fixed first step of every boot: GC threshold, then the filesystem on flash
# mounted at "/" (first-time setup when there is none).
import gc

gc.threshold((gc.mem_free() + gc.mem_alloc()) // 4)

from flashbdev import bdev

if bdev:
    import vfs

    try:
        vfs.mount(bdev, "/")
    except:
        import inisetup

        inisetup.setup()

gc.collect()
