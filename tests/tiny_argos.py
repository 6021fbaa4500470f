"""A tiny but real Argos Translate package for tests: a SentencePiece model trained on
the seed files and a one-layer CTranslate2 Transformer with random weights.

It translates nonsense, but through exactly the code path a real zh->en package
takes (zip -> install -> sentencepiece -> ctranslate2 -> decode).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

SIZE, HIDDEN = 16, 32


def _shape(scope: str, name: str, vocab: int) -> tuple[int, ...]:
    last = scope.split("/")[-1]
    if "embeddings" in scope and name == "weight" or "projection" in scope and name == "weight":
        return (vocab, SIZE)
    if "projection" in scope:
        return (vocab,)
    if "position_encodings" in scope:
        return (64, SIZE)
    if name in ("gamma", "beta"):
        return (SIZE,)
    if "ffn" in scope:
        rows, cols = (HIDDEN, SIZE) if last == "linear_0" else (SIZE, HIDDEN)
    elif "self_attention" in scope:
        rows, cols = (3 * SIZE, SIZE) if last == "linear_0" else (SIZE, SIZE)
    else:                                                   # encoder-decoder attention
        rows, cols = {"linear_0": (SIZE, SIZE), "linear_1": (2 * SIZE, SIZE),
                      "linear_2": (SIZE, SIZE)}[last]
    return (rows, cols) if name == "weight" else (rows,)


def _fill(spec, scope: str, vocab: int, rng) -> None:
    import numpy as np
    from ctranslate2.specs import model_spec

    for name, value in list(vars(spec).items()):
        if name.startswith("_"):
            continue
        path = f"{scope}/{name}" if scope else name
        if isinstance(value, model_spec.LayerSpec):
            _fill(value, path, vocab, rng)
        elif isinstance(value, list) and value and isinstance(value[0], model_spec.LayerSpec):
            for i, layer in enumerate(value):
                _fill(layer, f"{path}_{i}", vocab, rng)
        elif value is None:
            setattr(spec, name, (rng.standard_normal(_shape(scope, name, vocab)) * 0.1).astype(np.float32))


def build_package(seeds: Path, work: Path, root: str = "translate-zh_en-test") -> Path:
    """Write ``work/<root>.argosmodel`` and return its path."""
    import numpy as np
    import sentencepiece
    from ctranslate2.specs import transformer_spec

    folder = work / root
    (folder / "model").mkdir(parents=True)
    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())),
                      encoding="utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sentencepiece"), vocab_size=2000,
        hard_vocab_limit=False, minloglevel=2)
    (folder / "sentencepiece.vocab").unlink()
    pieces = sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    vocab = ["<unk>", "<blank>", "<s>", "</s>"] + [
        pieces.id_to_piece(i) for i in range(pieces.get_piece_size())
        if pieces.id_to_piece(i) not in ("<unk>", "<s>", "</s>")]
    spec = transformer_spec.TransformerSpec.from_config(1, 2)
    _fill(spec, "", len(vocab), np.random.default_rng(0))
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(str(folder / "model"))
    (folder / "metadata.json").write_text(json.dumps(
        {"package_version": "test", "from_code": "zh", "to_code": "en"}), encoding="utf-8")
    archive = work / f"{root}.argosmodel"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(folder.rglob("*")):
            bundle.write(path, path.relative_to(work).as_posix())
    return archive
