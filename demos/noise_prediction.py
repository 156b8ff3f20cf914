"""A one-dimensional diffusion model that learns ε_θ with the noise-prediction loss (torch)."""

from __future__ import annotations

import numpy as np

from demos.cli import require_torch, run_main
from demos.result import Check, DemoInfo, DemoResult, Plot, Series

DEMO = DemoInfo(
    id="noise_prediction",
    name="Diffusion in one dimension: learning to predict the noise",
    patterns=("noise_prediction",),
    roles={"noise": "ε", "prediction": "ε_θ"},
    summary="""Take a data point, mix in random {noise} (more or less of it depending on a step t),
    and train a small network {prediction} to guess which {noise} was added. The loss is just the
    squared error ‖{noise} − {prediction}‖². For this toy data (two bumps at ±2) the best possible
    guess has a formula, so we can see how close the network gets; running the guesses backwards
    from pure {noise} then produces new samples that look like the data.""",
    needs_torch=True,
)

STEPS_T = 40
BETAS = np.linspace(1e-3, 0.2, STEPS_T)
ALPHA_BAR = np.cumprod(1 - BETAS)
MODES, MODE_STD = np.array([-2.0, 2.0]), 0.5


def sample_data(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.choice(MODES, n) + rng.normal(0, MODE_STD, n)


def optimal_noise(x_t: np.ndarray, t: np.ndarray) -> np.ndarray:
    """E[ε | x_t] for the two-bump data: the best any network can do under squared error."""
    ab = ALPHA_BAR[t][:, None]
    var = ab * MODE_STD**2 + 1 - ab
    log_r = -((x_t[:, None] - np.sqrt(ab) * MODES) ** 2) / (2 * var)
    r = np.exp(log_r - log_r.max(axis=1, keepdims=True))
    r /= r.sum(axis=1, keepdims=True)
    clean = MODES + np.sqrt(ab) * MODE_STD**2 / var * (x_t[:, None] - np.sqrt(ab) * MODES)
    x0 = np.sum(r * clean, axis=1)
    return (x_t - np.sqrt(ab[:, 0]) * x0) / np.sqrt(1 - ab[:, 0])


def noisy_batch(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε for random steps t."""
    t = rng.integers(0, STEPS_T, n)
    noise = rng.standard_normal(n)
    x_t = np.sqrt(ALPHA_BAR[t]) * sample_data(rng, n) + np.sqrt(1 - ALPHA_BAR[t]) * noise
    return x_t, t, noise


def make_network(torch):
    return torch.nn.Sequential(
        torch.nn.Linear(2, 64),
        torch.nn.SiLU(),
        torch.nn.Linear(64, 64),
        torch.nn.SiLU(),
        torch.nn.Linear(64, 1),
    )


def predict(torch, net, x_t: np.ndarray, t: np.ndarray):
    inputs = np.stack([x_t, t / STEPS_T * 2 - 1], axis=1).astype(np.float32)
    return net(torch.from_numpy(inputs))[:, 0]


class Adam:
    """Adam written out (see the moving_average demo): torch.optim would import torch._dynamo,
    which costs about a second, more than this whole quick run."""

    def __init__(self, params, lr: float, betas: tuple[float, float] = (0.9, 0.999)) -> None:
        self.params, self.lr, self.betas, self.step_count = list(params), lr, betas, 0
        self.m = [p.detach().clone().zero_() for p in self.params]
        self.v = [p.detach().clone().zero_() for p in self.params]

    def step(self) -> None:
        self.step_count += 1
        b1, b2 = self.betas
        for p, m, v in zip(self.params, self.m, self.v, strict=True):
            m.mul_(b1).add_(p.grad, alpha=1 - b1)
            v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            m_hat = m / (1 - b1**self.step_count)
            v_hat = v / (1 - b2**self.step_count)
            p.data.sub_(self.lr * m_hat / (v_hat.sqrt() + 1e-8))
            p.grad = None


def train(torch, rng: np.random.Generator, steps: int, batch: int):
    net = make_network(torch)
    optimiser = Adam(net.parameters(), lr=3e-3)
    losses = []
    for _ in range(steps):
        x_t, t, noise = noisy_batch(rng, batch)
        guess = predict(torch, net, x_t, t)
        loss = torch.mean((torch.from_numpy(noise.astype(np.float32)) - guess) ** 2)
        loss.backward()
        optimiser.step()
        losses.append(loss.item())
    return net, losses


def sample(torch, net, rng: np.random.Generator, n: int) -> np.ndarray:
    """DDPM ancestral sampling: start from pure noise, remove the predicted noise step by step."""
    x = rng.standard_normal(n)
    with torch.no_grad():
        for t in range(STEPS_T - 1, -1, -1):
            eps = predict(torch, net, x, np.full(n, t)).numpy().astype(float)
            x = (x - BETAS[t] / np.sqrt(1 - ALPHA_BAR[t]) * eps) / np.sqrt(1 - BETAS[t])
            if t > 0:
                x += np.sqrt(BETAS[t]) * rng.standard_normal(n)
    return x


def run(quick: bool = False, seed: int = 0) -> DemoResult:
    torch = require_torch(DEMO.id)
    torch.manual_seed(seed)
    torch.set_num_threads(1)  # a tiny network: threads only add overhead
    rng = np.random.default_rng(seed)
    net, losses = train(torch, rng, 150 if quick else 1500, 256)
    x_t, t, noise = noisy_batch(rng, 20_000)
    with torch.no_grad():
        guess = predict(torch, net, x_t, t)
        ours = float(torch.mean((torch.from_numpy(noise.astype(np.float32)) - guess) ** 2))
        theirs = float(
            torch.nn.functional.mse_loss(guess, torch.from_numpy(noise.astype(np.float32)))
        )
    best = float(np.mean((noise - optimal_noise(x_t, t)) ** 2))
    samples = sample(torch, net, rng, 2000 if quick else 5000)
    return DemoResult(
        numbers={
            "training steps": len(losses),
            "held-out loss ‖{noise} − {prediction}‖² (network)": ours,
            "held-out loss of the best possible {prediction}": best,
            "excess loss over the best possible": ours - best,
            "generated samples: mean |x| (data: about 2.03)": float(np.mean(np.abs(samples))),
            "generated samples: fraction above 0 (data: 0.5)": float(np.mean(samples > 0)),
        },
        checks=(
            Check("our squared-error loss vs torch mse_loss", abs(ours - theirs), 1e-6),
            Check(
                "network vs optimal {prediction}: excess loss", ours - best, 0.1 if quick else 0.03
            ),
            Check(
                "generated mean |x| vs data",
                abs(float(np.mean(np.abs(samples))) - _data_abs_mean()),
                0.5 if quick else 0.15,
            ),
        ),
        plots=(_loss_plot(losses, best), _sample_plot(samples)),
    )


def _data_abs_mean() -> float:
    return float(np.mean(np.abs(sample_data(np.random.default_rng(123), 200_000))))


def _loss_plot(losses: list[float], best: float) -> Plot:
    window = max(len(losses) // 60, 1)
    smooth = np.convolve(losses, np.ones(window) / window, mode="valid")[::window]
    steps = tuple(float(i * window + window) for i in range(len(smooth)))
    return Plot(
        "training loss (smoothed) and the best achievable loss",
        (
            Series("loss", steps, tuple(smooth)),
            Series("best possible", steps, (best,) * len(steps)),
        ),
        x_label="training step",
        y_label="‖{noise} − {prediction}‖²",
    )


def _sample_plot(samples: np.ndarray) -> Plot:
    counts, edges = np.histogram(samples, bins=40, range=(-4, 4), density=True)
    centres = (edges[:-1] + edges[1:]) / 2
    grid = np.linspace(-4, 4, 120)
    density = sum(np.exp(-((grid - m) ** 2) / (2 * MODE_STD**2)) for m in MODES) / (
        len(MODES) * np.sqrt(2 * np.pi) * MODE_STD
    )
    return Plot(
        "generated samples (histogram) against the data density",
        (
            Series("generated", tuple(centres), tuple(counts), True),
            Series("data density", tuple(grid), tuple(density)),
        ),
        x_label="x",
        y_label="density",
    )


def main(argv: list[str] | None = None) -> int:
    return run_main(DEMO, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
