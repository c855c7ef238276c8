// Test support for code that calls AWS: loopback emulators that follow the botocore service models.
import AWS
