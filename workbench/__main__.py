"""`python -m workbench` and the `workbench` console script."""

from workbench.cli.collector import pause_collector


def run() -> None:
    pause_collector()  # until the command has loaded what it needs (cli/collector.py)
    from workbench.cli import main

    main()


if __name__ == "__main__":
    run()
