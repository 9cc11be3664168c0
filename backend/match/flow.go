package match

import "math"

// arc is an edge from a mentee to a mentor with its cost.
type arc struct {
	to   int32 // mentor index
	cost int64
}

// flow is a min-cost flow on the bipartite graph source -> mentee (1) ->
// mentor (its capacity) -> sink, where each mentee may instead go straight
// to the sink at the cost unassigned. It runs successive shortest paths
// from one free mentee at a time, Dijkstra on reduced costs, keeping node
// potentials so that every residual edge has a reduced cost >= 0; a search
// stops when it reaches the sink. Nodes: mentees 0..n-1, mentors n..n+m-1,
// the sink n+m.
type flow struct {
	n, m       int
	arcs       [][]arc
	capacity   []int
	unassigned int64
	assign     []int32 // mentor of each mentee, -1 unassigned
	cost       []int64 // cost of each mentee's assignment
	members    [][]int32
	pi         []int64
	settled    int // nodes the searches settled, for benchmarks

	dist    []int64
	pred    []int32
	predArc []int64 // cost of the forward edge into a mentor
	done    []bool
	touched []int32
	heap    minHeap
}

// Assignment states besides a mentor's index.
const (
	toSink   = -1 // routed straight to the sink: left unassigned
	unrouted = -2 // not routed yet
)

// newFlow returns an empty flow over arcs; capacity is by mentor.
func newFlow(arcs [][]arc, capacity []int, unassigned int64) *flow {
	n, m := len(arcs), len(capacity)
	f := &flow{n: n, m: m, arcs: arcs, capacity: capacity, unassigned: unassigned,
		assign: make([]int32, n), cost: make([]int64, n), members: make([][]int32, m),
		pi: make([]int64, n+m+1), dist: make([]int64, n+m+1), pred: make([]int32, n+m+1),
		predArc: make([]int64, n+m+1), done: make([]bool, n+m+1)}
	for i := range f.dist {
		f.dist[i] = math.MaxInt64
	}
	for i := range f.assign {
		f.assign[i] = unrouted
	}
	return f
}

// warm starts f's potentials from an earlier run's mentor potentials:
// the sink at or below every mentor, each mentee at the least value that
// keeps its edges' reduced costs >= 0.
func (f *flow) warm(prev *flow) {
	sink := f.n + f.m
	copy(f.pi[f.n:sink], prev.pi[prev.n:sink])
	f.pi[sink] = prev.pi[sink]
	for j := range f.m {
		f.pi[sink] = min(f.pi[sink], f.pi[f.n+j])
	}
	for i, arcs := range f.arcs {
		p := f.pi[sink] - f.unassigned
		for _, a := range arcs {
			p = max(p, f.pi[f.n+int(a.to)]-a.cost)
		}
		f.pi[i] = p
	}
}

// relax lowers v's distance to d through u.
func (f *flow) relax(v int32, d int64, u int32, c int64) {
	if d < f.dist[v] {
		if f.dist[v] == math.MaxInt64 {
			f.touched = append(f.touched, v)
		}
		f.dist[v], f.pred[v], f.predArc[v] = d, u, c
		f.heap.push(item{d, v})
	}
}

// search runs Dijkstra on reduced costs from src until it settles target
// or the least distance left reaches bound, then shifts the potentials of
// the settled nodes so that every residual edge keeps a reduced cost >= 0
// and the path found has reduced cost 0. It reports whether target was
// settled; the caller applies the path, then calls reset.
func (f *flow) search(src, target int32, bound int64) bool {
	f.dist[src] = 0
	f.touched = append(f.touched, src)
	f.heap.push(item{0, src})
	for f.heap.len() > 0 {
		it := f.heap.pop()
		u := it.v
		if f.done[u] || it.d > f.dist[u] {
			continue
		}
		if it.d >= bound {
			break
		}
		f.done[u] = true
		f.settled++
		if u == target {
			break
		}
		f.scan(u, it.d)
	}
	f.heap.reset()
	d := bound
	if f.done[target] {
		d = f.dist[target]
	}
	for _, v := range f.touched {
		if f.done[v] {
			f.pi[v] += f.dist[v] - d
		}
	}
	return f.done[target]
}

// reset clears the last search.
func (f *flow) reset() {
	for _, v := range f.touched {
		f.dist[v], f.done[v] = math.MaxInt64, false
	}
	f.touched = f.touched[:0]
}

// augment routes the unrouted mentee s to the sink along a shortest path.
func (f *flow) augment(s int32) {
	sink := int32(f.n + f.m)
	f.search(s, sink, math.MaxInt64)
	f.applyPath(s, sink)
	f.reset()
}

// add puts the edge from mentee i to mentor j at cost c into the graph of
// an optimal flow and makes the flow optimal again: when the edge's reduced
// cost is negative, a shortest path from j back to i closes a cycle with
// it; if that cycle costs less than nothing, one unit goes round it (i
// moves to j, and the people on the path move along). Either way the
// potentials leave every residual edge at a reduced cost >= 0.
func (f *flow) add(i, j int32, c int64) {
	f.arcs[i] = append(f.arcs[i], arc{j, c})
	short := -f.reduced(int(i), int(j), c)
	if short <= 0 {
		return
	}
	mentor := int32(f.n) + j
	if f.search(mentor, i, short) {
		f.applyPath(mentor, i)
		f.apply(i, mentor, c)
	}
	f.reset()
}

// applyPath pushes one unit along the search's path from src to v.
func (f *flow) applyPath(src, v int32) {
	for ; v != src; v = f.pred[v] {
		f.apply(f.pred[v], v, f.predArc[v])
	}
}

// scan relaxes the residual edges out of u, at distance d.
func (f *flow) scan(u int32, d int64) {
	n, sink := int32(f.n), int32(f.n+f.m)
	switch {
	case u < n:
		for _, a := range f.arcs[u] {
			if a.to != f.assign[u] {
				v := n + a.to
				f.relax(v, d+a.cost+f.pi[u]-f.pi[v], u, a.cost)
			}
		}
		if f.assign[u] != toSink {
			f.relax(sink, d+f.unassigned+f.pi[u]-f.pi[sink], u, 0)
		}
	case u < sink:
		j := u - n
		if len(f.members[j]) < f.capacity[j] {
			f.relax(sink, d+f.pi[u]-f.pi[sink], u, 0)
		}
		for _, k := range f.members[j] {
			f.relax(k, d-f.cost[k]+f.pi[u]-f.pi[k], u, 0)
		}
	default:
		for j, ms := range f.members {
			if len(ms) > 0 {
				f.relax(n+int32(j), d+f.pi[u]-f.pi[n+int32(j)], u, 0)
			}
		}
		for k, a := range f.assign {
			if a == toSink {
				f.relax(int32(k), d-f.unassigned+f.pi[u]-f.pi[k], u, 0)
			}
		}
	}
}

// apply pushes one unit along the residual edge u -> v, whose cost is c
// when it is a mentee's edge to a mentor. Edges out of the sink and into it
// from a mentor change nothing here: a mentor's load is its members.
func (f *flow) apply(u, v int32, c int64) {
	n, sink := int32(f.n), int32(f.n+f.m)
	switch {
	case u < n && v == sink:
		f.assign[u] = toSink
	case u < n:
		f.assign[u], f.cost[u] = v-n, c
		f.members[v-n] = append(f.members[v-n], u)
	case u < sink && v < n:
		ms := f.members[u-n]
		for k, x := range ms {
			if x == v {
				f.members[u-n] = append(ms[:k], ms[k+1:]...)
				break
			}
		}
	}
}

// reduced is the reduced cost of mentee i's edge to mentor j at cost c.
func (f *flow) reduced(i, j int, c int64) int64 {
	return c + f.pi[i] - f.pi[f.n+j]
}

// item is a heap entry.
type item struct {
	d int64
	v int32
}

// minHeap is a binary heap of items by distance, then node.
type minHeap []item

func (h minHeap) len() int { return len(h) }
func (h *minHeap) reset()  { *h = (*h)[:0] }

// less orders by distance, then by node, so searches are deterministic.
func (h minHeap) less(a, b int) bool {
	return h[a].d < h[b].d || h[a].d == h[b].d && h[a].v < h[b].v
}

// push adds it.
func (h *minHeap) push(it item) {
	*h = append(*h, it)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

// pop removes the least item.
func (h *minHeap) pop() item {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(s) && s.less(l, m) {
			m = l
		}
		if r < len(s) && s.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}
