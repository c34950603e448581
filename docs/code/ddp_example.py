# DistributedDataParallel (DDP) in one file: one process per device, each with a
# full copy of the model and its own slice of the batch; during backward() DDP
# averages the gradients of all processes (all-reduce), so after optimizer.step()
# every copy holds the same parameters. Here it runs on the CPU with the gloo
# backend; on GPUs use backend="nccl", put rank r's model on cuda:r and pass
# device_ids=[r] to DDP. With torchrun you would read RANK/WORLD_SIZE from the
# environment instead of spawning the processes yourself.
# Run: python docs/code/ddp_example.py
import os
import socket
import tempfile

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP


def make_model():
    torch.manual_seed(0)  # same initial weights in every process (DDP also broadcasts rank 0's)
    return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))


def make_batch(n=16):
    g = torch.Generator().manual_seed(1)
    return torch.randn(n, 8, generator=g), torch.randint(0, 3, (n,), generator=g)


def worker(rank, world_size, port, out_dir, steps):
    os.environ["MASTER_ADDR"], os.environ["MASTER_PORT"] = "127.0.0.1", str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world_size)
    model = DDP(make_model())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = make_batch()
    x, y = x.chunk(world_size)[rank], y.chunk(world_size)[rank]  # this rank's share
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()  # gradients are all-reduced (averaged) here
        optimizer.step()
    torch.save(model.module.state_dict(), os.path.join(out_dir, f"rank{rank}.pt"))
    dist.barrier()  # let both ranks finish before the process group is torn down
    dist.destroy_process_group()
    # The work is done and saved. Leave without Python's interpreter shutdown, during
    # which gloo's background threads occasionally abort the process (SIGABRT).
    os._exit(0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ddp_train(world_size=2, steps=1):
    """Parameters held by each rank after `steps` DDP steps."""
    with tempfile.TemporaryDirectory() as out_dir:
        mp.spawn(worker, args=(world_size, free_port(), out_dir, steps), nprocs=world_size, join=True)
        return [torch.load(os.path.join(out_dir, f"rank{r}.pt")) for r in range(world_size)]


def single_process_train(steps=1, rows=slice(None)):
    """The same training in one process, on the whole batch (or some rows of it)."""
    model = make_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = make_batch()
    for _ in range(steps):
        loss = F.cross_entropy(model(x[rows]), y[rows])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.state_dict()


def max_difference(a, b):
    return max((a[k] - b[k]).abs().max().item() for k in a)


if __name__ == "__main__":
    ranks = ddp_train(world_size=2, steps=3)
    single = single_process_train(steps=3)
    print(f"rank 0 vs rank 1: max |difference| {max_difference(ranks[0], ranks[1]):.2e}")
    print(f"DDP vs one process on the whole batch: max |difference| {max_difference(ranks[0], single):.2e}")
