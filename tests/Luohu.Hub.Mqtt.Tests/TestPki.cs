using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// A throw-away certificate authority with a broker certificate (SAN localhost and 127.0.0.1) and a client certificate,
/// written as PEM files the way mosquitto and libmosquitto read them.
/// </summary>
public sealed class TestPki
{
    private TestPki(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }
    public string CaFile => Path.Combine(Folder, "ca.crt");
    public string ServerCertFile => Path.Combine(Folder, "server.crt");
    public string ServerKeyFile => Path.Combine(Folder, "server.key");
    public string ClientCertFile => Path.Combine(Folder, "client.crt");
    public string ClientKeyFile => Path.Combine(Folder, "client.key");

    public static TestPki Create(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "luohu-mqtt-tests", "pki-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        var pki = new TestPki(folder);
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(2);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name} test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);
        File.WriteAllText(pki.CaFile, ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        Issue(ca, "CN=localhost", "1.3.6.1.5.5.7.3.1", san.Build(), pki.ServerCertFile, pki.ServerKeyFile, notBefore, notAfter, 1);
        Issue(ca, "CN=luohu-hub", "1.3.6.1.5.5.7.3.2", null, pki.ClientCertFile, pki.ClientKeyFile, notBefore, notAfter, 2);
        return pki;
    }

    private static void Issue(
        X509Certificate2 ca, string subject, string usage, X509Extension? san, string certFile, string keyFile, DateTimeOffset notBefore, DateTimeOffset notAfter, byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        using var certificate = request.Create(ca, notBefore, notAfter, [serial, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256)]);
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());

        // Readable by the 'mosquitto' user the broker may drop to when started as root.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, (UnixFileMode)0b110_100_100);
        }

    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
