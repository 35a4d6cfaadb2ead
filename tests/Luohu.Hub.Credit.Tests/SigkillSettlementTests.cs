using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Luohu.Hub.Credit.Tests;

/// <summary>
/// The outbox's promise under the worst crash there is: a small hub process settles bill after bill through the outbox
/// and the real plugin against the real bank and is killed with SIGKILL at a random moment, 200 times, each time
/// restarted on the same data folder. After every restart (once the entries the crash left pending are resumed) every
/// bill the hub had recorded has exactly one settlement at the bank, and no bill has two.
/// </summary>
public sealed class SigkillSettlementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 200;
    private BankServer bank = null!;
    private string hubData = null!;

    public async Task InitializeAsync()
    {
        bank = await BankServer.StartAsync(creditLine: 10_000_000m);
        hubData = Path.Combine(Path.GetTempPath(), "luohu-crash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(hubData);
    }

    public async Task DisposeAsync()
    {
        await bank.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(hubData, recursive: true);
        }
        catch (IOException)
        {
            // Reclaimed with the temp folder.
        }
    }

    [Fact]
    public async Task KilledBetweenRecordAndResult_200Times_EveryBillIsSettledExactlyOnce()
    {
        var assessment = await bank.AssessAsync("P-CRASH", 1_000m);
        var stage = Path.Combine(RepoPaths.Root, "artifacts", "plugins");
        var random = new Random(20261203);
        var resumedTotal = 0;
        var killedWithPending = 0;
        for (var kill = 0; kill <= Kills; kill++)
        {
            var recorded = kill == 0 ? [] : RecordedBills();
            using var host = CrashHostProcess.Start(hubData, stage, bank.BaseAddress, assessment);
            var ready = await host.WaitForAsync("ready", TimeSpan.FromSeconds(60));
            var resumed = int.Parse(ready["ready resumed=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            resumedTotal += resumed;

            var counts = bank.SettlementsPerBill();
            Assert.True(counts.Values.All(c => c == 1), $"After restart {kill}: bills settled more than once: {BankServer.Describe(counts)}");
            var missing = recorded.Where(b => !counts.ContainsKey(b)).ToList();
            Assert.True(missing.Count == 0, $"After restart {kill} (resumed {resumed}): recorded bills with no settlement at the bank: {string.Join(", ", missing)}");
            if (kill == Kills)
            {
                // After the last crash the hub still settles: 20 more bills within a minute (a bound, not a speed).
                var before = counts.Count;
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (bank.SettlementsPerBill().Count < before + 20 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }

                Assert.True(bank.SettlementsPerBill().Count >= before + 20, $"After {Kills} kills the restarted hub settled {bank.SettlementsPerBill().Count - before} bills in a minute.");
                break;
            }

            await Task.Delay(random.Next(0, 120));
            host.Kill();
            killedWithPending += PendingEntries() > 0 ? 1 : 0;
        }

        var final = bank.SettlementsPerBill();
        output.WriteLine($"{Kills} kills; {final.Count} bills settled; {killedWithPending} kills left an entry pending; {resumedTotal} entries resumed at restart.");
        // How many bills a run settles before its kill depends on the machine's speed; that they are each settled
        // exactly once, and that kills landed inside the window, does not.
        Assert.True(killedWithPending > 0, "No kill landed between an outbox record and its result; the loop did not test the window.");

        // The last run included: every bill whose outbox entry completed is settled at the bank, once.
        var finished = Query("SELECT json_extract(input, '$.billId') FROM outbox WHERE state = 'completed'", r => r.GetString(0));
        var settled = bank.SettlementsPerBill();
        Assert.DoesNotContain(finished, b => !settled.ContainsKey(b));
        Assert.True(settled.Values.All(c => c == 1), $"bills settled more than once: {BankServer.Describe(settled)}");
    }

    private List<string> RecordedBills() =>
        Query("SELECT json_extract(input, '$.billId') FROM outbox", r => r.GetString(0));

    private int PendingEntries() => Query("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", r => r.GetInt32(0)).Single();

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        var database = Path.Combine(hubData, "hub.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
