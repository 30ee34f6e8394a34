#!/usr/bin/env bash
# Recommendation benchmark: demo networks of 1,000 and 100,000 profiles (BENCH_SIZES) from the documented generative
# model, 20 % of each profile's collaborations held out; recall@10 and nDCG@10 of the recommender against random
# same-sector, most-connected and common-neighbours baselines in the same run, and milliseconds per profile.
# First the seed ECCP page's stated collaborations beside its recommendations; then each size prints its table and a
# line `recommend profiles=N recall_at_10=.. ndcg_at_10=.. baseline_sector=.. baseline_popular=.. baseline_neighbours=..
# ms_per_profile=.. load=..`; the last line of the run is the last size's. At 100,000 profiles a random sample of
# BENCH_EVALUATED query profiles (2,000) is measured, as the table says. The table splits each method's recall into
# hits among the profile's partners' partners and others, and a line gives what an oracle ranking partners' partners
# reaches (the most any use of the network alone can). Weights: `RecommendBench.dll tune 1000 3 7`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-1000 100000}
evaluated=${BENCH_EVALUATED:-2000}
dotnet build bench/RecommendBench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet bench/RecommendBench/bin/Release/net10.0/RecommendBench.dll eccp 1000
for n in $sizes; do
  dotnet bench/RecommendBench/bin/Release/net10.0/RecommendBench.dll "$n" "$evaluated"
done
