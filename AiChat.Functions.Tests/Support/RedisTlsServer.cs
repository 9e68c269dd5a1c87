using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// A real redis-server serving only TLS, with a certificate for 127.0.0.1 issued by a test CA made for this run, as
/// Azure Cache for Redis serves TLS on 6380. Clients trust the CA through REDIS_CA_CERTIFICATE; validation stays on.
/// </summary>
public sealed class RedisTlsServer : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aichat-redis-tls-").FullName;
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The CA's certificate, PEM: the value of REDIS_CA_CERTIFICATE.</summary>
    public string CaCertificatePath => Path.Combine(_directory, "ca.pem");

    public string Connection => $"127.0.0.1:{Port},ssl=true";

    public async Task InitializeAsync()
    {
        WriteCertificates();
        Port = RedisServer.FreePort();
        _process = await RedisServer.LaunchAsync([
            "--port", "0", "--bind", "127.0.0.1", "--tls-port", Port.ToString(CultureInfo.InvariantCulture),
            "--tls-cert-file", Path.Combine(_directory, "server.pem"), "--tls-key-file", Path.Combine(_directory, "server.key"),
            "--tls-ca-cert-file", CaCertificatePath, "--tls-auth-clients", "no"]);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        _process?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void WriteCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=AiChat test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(CaCertificatePath, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
    }
}
