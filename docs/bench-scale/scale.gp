set datafile separator ','
set terminal pngcairo size 1500,480 font ',10'
set output 'docs/bench-scale/scale.png'
set multiplot layout 1,3 title 'make bench-scale: VanBan against a plain Xapian indexer and QueryParser'
set logscale xy
set grid
set key bottom right
set offsets graph 0.05, graph 0.05, 0, 0
set xlabel 'documents'
set title 'indexing wall time (s)'
plot 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-2shards' ? $1 : NaN):4 smooth unique with linespoints lw 2 pt 7 title 'vanban --jobs 2 (2 shards)', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-1shard' ? $1 : NaN):4 smooth unique with linespoints lw 2 pt 7 title 'vanban --shards 1', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'plain' ? $1 : NaN):4 smooth unique with linespoints lw 2 pt 7 title 'plain TermGenerator / QueryParser'
set title 'index size (MB)'
plot 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-2shards' ? $1 : NaN):7 smooth unique with linespoints lw 2 pt 7 title 'vanban --jobs 2 (2 shards)', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-1shard' ? $1 : NaN):7 smooth unique with linespoints lw 2 pt 7 title 'vanban --shards 1', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'plain' ? $1 : NaN):7 smooth unique with linespoints lw 2 pt 7 title 'plain TermGenerator / QueryParser'
set title 'search p99, worst query class (ms)'
plot 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-2shards' ? $1 : NaN):9 smooth unique with linespoints lw 2 pt 7 title 'vanban --jobs 2 (2 shards)', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'vanban-1shard' ? $1 : NaN):9 smooth unique with linespoints lw 2 pt 7 title 'vanban --shards 1', 'docs/bench-scale/scale.csv' using (strcol(2) eq 'plain' ? $1 : NaN):9 smooth unique with linespoints lw 2 pt 7 title 'plain TermGenerator / QueryParser'
unset multiplot
