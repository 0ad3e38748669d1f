using System.Security.Cryptography;
using System.Text;
using KubeCore.Api.Commands;
using KubeCore.Api.Persistence;
using KubeCore.Groups;
using KubeCore.Rules;

namespace KubeCore.Api.Tests.Support;

/// <summary>
/// A test-only aggregate: a tally whose additions are ledger entries with fresh ids and a hash chain (like the
/// savings ledger: stored as insert-only rows); zero or less is refused by a "rule".
/// </summary>
public sealed class Tally
{
    public string Name { get; init; } = string.Empty;

    public List<(Guid Id, long Amount, string Hash, string PreviousHash)> Entries { get; } = [];

    /// <summary>How many entries are stored; -1 for a new tally.</summary>
    public int Stored { get; set; } = -1;

    public long Total => Entries.Sum(e => e.Amount);

    public void Add(long amount)
    {
        if (amount <= 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Grp06, GroupErrors.NotActive, ("GroupId", Name), ("Status", "refusing")));
        }
        var previous = Entries.Count == 0 ? "genesis" : Entries[^1].Hash;
        var id = Guid.NewGuid();
        Entries.Add((id, amount, TallyType.Hash(previous, id, amount), previous));
    }
}

public sealed record OpenTally(string Name);

public sealed class TallyType : StateType<Tally>
{
    public static readonly TallyType Instance = new();

    public override string Name => "test-tally";

    public override bool HasLedger => true;

    public override Tally Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger)
    {
        var state = new Tally { Name = Part<OpenTally>(parts, "tally")!.Name, Stored = ledger.Count };
        var previous = "genesis";
        foreach (var row in ledger)
        {
            if (row.PreviousHash != previous || row.Hash != Hash(previous, row.EntryId, row.Amount))
            {
                throw new LedgerIntegrityException(id, new InvalidOperationException("broken tally chain"));
            }
            state.Entries.Add((row.EntryId, row.Amount, row.Hash, row.PreviousHash));
            previous = row.Hash;
        }
        return state;
    }

    public override IEnumerable<(string Part, object State)> TakeChanges(Tally state)
    {
        if (state.Stored < 0)
        {
            state.Stored = 0;
            yield return ("tally", new OpenTally(state.Name));
        }
    }

    public override IEnumerable<LedgerEntryRow> TakeEntries(Tally state)
    {
        var from = Math.Max(state.Stored, 0);
        state.Stored = state.Entries.Count;
        return state.Entries.Skip(from).Select((e, i) => new LedgerEntryRow
        {
            Sequence = from + i + 1,
            EntryId = e.Id,
            Kind = "add",
            BookDate = new DateOnly(2019, 4, 5),
            Amount = e.Amount,
            Hash = e.Hash,
            PreviousHash = e.PreviousHash,
        }).ToList();
    }

    public override object Summary(Tally state) => new { state.Name, state.Total };

    internal static string Hash(string previous, Guid id, long amount) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}|{id}|{amount}")));
}
