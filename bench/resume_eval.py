#!/usr/bin/env python3
"""Accuracy of `hg parse-resume` on the rendered resumes, scored by their own score.py.

    python3 bench/resume_eval.py [--hg build-h-resume-rel/apps/hg/hg]
                                 [--data ../shared/data/resumes] [--out /tmp/resume-pred]
                                 [--formats pdf,docx,html,txt]

Runs the built hg once per chunk of documents (`hg parse-resume --jsonl FILE...`), writes each
document's JSON Resume to OUT/<docname>.json (a failed document gets no file: it scores as
empty), then runs DATA/score.py over OUT for every format and for all formats together.
hg never sees the ground truth; only score.py reads it.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--hg', default=os.path.join(ROOT, 'build-h-resume-rel', 'apps', 'hg', 'hg'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'resumes'))
    ap.add_argument('--gold', help='folder with documents and ground truth (default DATA/dev-rendered)')
    ap.add_argument('--out', default='/tmp/resume-pred')
    ap.add_argument('--formats', default='pdf,docx,html,txt')
    ap.add_argument('--per-doc', help='also write score.py --per-doc TSV here')
    args = ap.parse_args()

    gold = args.gold or os.path.join(args.data, 'dev-rendered')
    formats = args.formats.split(',')
    docs = sorted(f for f in os.listdir(gold) if f.rsplit('.', 1)[-1] in formats
                  and f.count('.') >= 2)
    os.makedirs(args.out, exist_ok=True)
    for f in os.listdir(args.out):
        if f.endswith('.json'):
            os.remove(os.path.join(args.out, f))
    failed = 0
    for i in range(0, len(docs), 100):
        chunk = [os.path.join(gold, d) for d in docs[i:i + 100]]
        run = subprocess.run([args.hg, 'parse-resume', '--jsonl', *chunk], capture_output=True,
                             env={**os.environ, 'HG_DB': os.path.join(args.out, 'unused.db')})
        for line in run.stdout.decode('utf-8', 'replace').splitlines():
            rec = json.loads(line)
            name = os.path.basename(rec['file'])
            if 'resume' not in rec:
                failed += 1
                print(f'failed: {name}: {rec.get("error")}', file=sys.stderr)
                continue
            with open(os.path.join(args.out, name + '.json'), 'w', encoding='utf-8') as out:
                json.dump(rec['resume'], out, ensure_ascii=False)
    print(f'{len(docs)} documents, {failed} failed', flush=True)
    score = os.path.join(args.data, 'score.py')
    extra = ['--per-doc', args.per_doc] if args.per_doc else []
    for fmt in formats:
        print(f'\n=== {fmt}', flush=True)
        subprocess.run([sys.executable, score, args.out, '--gold', gold, '--formats', fmt], check=True)
    print('\n=== all', flush=True)
    subprocess.run([sys.executable, score, args.out, '--gold', gold, *extra], check=True)


if __name__ == '__main__':
    main()
