using System.Buffers;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Occupations;

/// <summary>
/// Finds stored texts within a few typos of a query without comparing against all of them: two strings
/// within edit distance k share at least max(length) - 1 - 2k letter pairs (the q-gram lemma), so only
/// texts sharing enough pairs with the query are compared exactly.
/// </summary>
internal sealed class TypoIndex
{
    private readonly List<string> _texts = [];
    private readonly List<int> _owners = [];
    private readonly Dictionary<int, List<int>> _pairs = [];

    public void Add(string text, int owner)
    {
        if (text.Length < 2)
        {
            return;
        }

        var id = _texts.Count;
        _texts.Add(text);
        _owners.Add(owner);
        foreach (var pair in Pairs(text))
        {
            if (!_pairs.TryGetValue(pair, out var list))
            {
                _pairs[pair] = list = [];
            }

            list.Add(id);
        }
    }

    /// <summary>Calls <paramref name="found"/> with the owner and distance of every text within <paramref name="allowed"/> edits.</summary>
    public void Search(string query, int allowed, Action<int, int, int> found)
    {
        if (query.Length < 2 || _texts.Count == 0)
        {
            return;
        }

        // A pooled array comes back with whatever its last user left in it.
        var counts = ArrayPool<int>.Shared.Rent(_texts.Count);
        Array.Clear(counts, 0, _texts.Count);
        var touched = new List<int>();
        try
        {
            foreach (var pair in Pairs(query))
            {
                if (!_pairs.TryGetValue(pair, out var list))
                {
                    continue;
                }

                foreach (var id in list)
                {
                    if (counts[id]++ == 0)
                    {
                        touched.Add(id);
                    }
                }
            }

            foreach (var id in touched)
            {
                var text = _texts[id];
                var needed = Math.Max(query.Length, text.Length) - 1 - (2 * allowed);
                if (counts[id] >= needed && Math.Abs(text.Length - query.Length) <= allowed)
                {
                    var distance = EditDistance.Compute(query, text, allowed);
                    if (distance <= allowed)
                    {
                        found(_owners[id], distance, text.Length);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static HashSet<int> Pairs(string text)
    {
        var pairs = new HashSet<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            pairs.Add((text[i] << 16) | text[i + 1]);
        }

        return pairs;
    }
}
