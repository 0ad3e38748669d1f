using System.Text;

namespace KubeCore.Tests.PublicApi;

/// <summary>A small line diff for baseline tests: <c>-</c> lines only in the expected text, <c>+</c> lines only in the actual text.</summary>
internal static class TextDiff
{
    /// <summary>
    /// The changed lines with up to <paramref name="context"/> unchanged lines around each change, at most
    /// <paramref name="maxLines"/> lines (then a count of what was left out).
    /// </summary>
    public static string Lines(string expected, string actual, int context = 2, int maxLines = 200)
    {
        var a = Split(expected);
        var b = Split(actual);
        var ops = Diff(a, b);
        var keep = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind != ' ')
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(ops.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }
        var text = new StringBuilder();
        var written = 0;
        var skipped = false;
        for (var i = 0; i < ops.Count; i++)
        {
            if (!keep[i])
            {
                skipped = true;
                continue;
            }
            if (written == maxLines)
            {
                text.Append("... (").Append(ops.Skip(i).Count(o => o.Kind != ' ')).Append(" more changed lines)\n");
                break;
            }
            if (skipped && written > 0)
            {
                text.Append("  ...\n");
            }
            skipped = false;
            text.Append(ops[i].Kind).Append(' ').Append(ops[i].Line).Append('\n');
            written++;
        }
        return text.ToString();
    }

    private static string[] Split(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>Longest-common-subsequence diff; quadratic, fine for files of a few thousand lines.</summary>
    private static List<(char Kind, string Line)> Diff(string[] a, string[] b)
    {
        // Trim the common head and tail first: baselines usually change in a few places.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }
        var n = a.Length - head - tail;
        var m = b.Length - head - tail;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var ops = new List<(char, string)>();
        ops.AddRange(a.Take(head).Select(l => (' ', l)));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                ops.Add((' ', a[head + x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(('+', b[head + y]));
                y++;
            }
            else
            {
                ops.Add(('-', a[head + x]));
                x++;
            }
        }
        ops.AddRange(a.Skip(a.Length - tail).Select(l => (' ', l)));
        return ops;
    }
}
