using System.Security.Cryptography;
using System.Text;
using KubeCore.Api.Commands;
using KubeCore.Api.Persistence;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Api.Tests.Support;

/// <summary>
/// A test-only stream: a tally whose additions are ledger entries with fresh ids and a hash chain (like the
/// savings ledger: not reproducible by replay, so rebuilt from its stored rows); zero or less is refused by a "rule".
/// </summary>
public sealed class Tally
{
    public string Name { get; init; } = string.Empty;

    public List<(Guid Id, long Amount, string Hash, string PreviousHash)> Entries { get; } = [];

    public long Total => Entries.Sum(e => e.Amount);
}

public sealed record OpenTally(string Name);

public sealed record AddToTally(long Amount, LocalDate Date);

public sealed class TallyStream : StreamType<Tally>
{
    public static readonly TallyStream Instance = new();

    private TallyStream()
    {
        Command<OpenTally>("open");
        Command<AddToTally>("add");
    }

    public override string Name => "test-tally";

    public override Tally Start(object command) => new() { Name = ((OpenTally)command).Name };

    public override object Apply(Tally state, object command, ApplyMode mode)
    {
        var add = (AddToTally)command;
        if (add.Amount <= 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Grp06, GroupErrors.NotActive, ("GroupId", state.Name), ("Status", "refusing")));
        }
        if (mode == ApplyMode.Live)
        {
            var previous = state.Entries.Count == 0 ? "genesis" : state.Entries[^1].Hash;
            var id = Guid.NewGuid();
            state.Entries.Add((id, add.Amount, Hash(previous, id, add.Amount), previous));
        }
        return command;
    }

    public override object Summary(Tally state) => new { state.Name, state.Total };

    public override int LedgerCount(Tally state) => state.Entries.Count;

    public override IEnumerable<LedgerEntryRow> LedgerRows(Tally state, int from) =>
        state.Entries.Skip(from).Select((e, i) => new LedgerEntryRow
        {
            Sequence = from + i + 1,
            EntryId = e.Id,
            Kind = "add",
            BookDate = new DateOnly(2019, 4, 5),
            Amount = e.Amount,
            Hash = e.Hash,
            PreviousHash = e.PreviousHash,
        });

    public override void AttachLedger(Tally state, IReadOnlyList<LedgerEntryRow> rows)
    {
        var previous = "genesis";
        foreach (var row in rows)
        {
            if (row.PreviousHash != previous || row.Hash != Hash(previous, row.EntryId, row.Amount))
            {
                throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav01, GroupErrors.NotActive, ("GroupId", state.Name), ("Status", "broken")));
            }
            state.Entries.Add((row.EntryId, row.Amount, row.Hash, row.PreviousHash));
            previous = row.Hash;
        }
    }

    private static string Hash(string previous, Guid id, long amount) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}|{id}|{amount}")));
}
