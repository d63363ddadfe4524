# What a user would write by hand to find leaks in a leaktrace log: pair each @ALLOCATE with its
# @DROP (or @GC) by id; what is left unpaired at the end is alive (leaked), summed by type and site.
#   awk -f bench/scripts/pair.awk trace.log
$1 == "@ALLOCATE" { live[$5] = $2 " " $4; size[$5] = $3; next }
$1 == "@DROP" || $1 == "@GC" { delete live[$4]; delete size[$4]; next }
END {
    for (id in live) { count[live[id]]++; bytes[live[id]] += size[id] }
    for (k in count) print count[k], bytes[k], k
}
